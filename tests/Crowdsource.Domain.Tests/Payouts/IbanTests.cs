using Crowdsource.Domain.Payouts;

namespace Crowdsource.Domain.Tests.Payouts;

public sealed class IbanTests
{
    [Theory]
    [InlineData("FR76 3000 6000 0112 3456 7890 189")]
    [InlineData("DE89370400440532013000")]
    [InlineData("gb82 west 1234 5698 7654 32")]
    [InlineData("NO93 8601 1117 947")]
    public void Accepts_real_ibans_typed_with_or_without_spaces_and_in_any_case(string typed) =>
        Assert.Equal(IbanProblem.None, Iban.Check(typed));

    [Theory]
    [InlineData("", IbanProblem.Missing)]
    [InlineData("   ", IbanProblem.Missing)]
    [InlineData("FR76-3000-6000-0112-3456-7890-189", IbanProblem.Characters)]
    [InlineData("ZZ7630006000011234567890189", IbanProblem.Country)]
    [InlineData("FRXX30006000011234567890189", IbanProblem.Country)]
    [InlineData("DE8937040044053201300", IbanProblem.Length)]
    [InlineData("FR7630006000011234567890188", IbanProblem.Checksum)]
    [InlineData("FR7630006000011234567809189", IbanProblem.Checksum)]
    public void Says_what_is_wrong_with_an_iban(string typed, IbanProblem problem) =>
        Assert.Equal(problem, Iban.Check(typed));

    [Fact]
    public void Is_stored_in_capitals_without_spaces_and_shown_masked()
    {
        var normalised = Iban.Normalise(" fr76 3000 6000 0112 3456 7890 189 ");

        Assert.Equal("FR7630006000011234567890189", normalised);
        Assert.Equal("FR76 •••• •••• 0189", Iban.Mask(normalised));
        Assert.Equal("FR76 3000 6000 0112 3456 7890 189", Iban.Grouped(normalised));
    }

    [Theory]
    [InlineData("jeanne@example.org", true)]
    [InlineData("  jeanne.dupont+prizes@example.co.uk ", true)]
    [InlineData("jeanne@localhost", false)]
    [InlineData("jeanne", false)]
    [InlineData("Jeanne <jeanne@example.org>", false)]
    [InlineData("jeanne@@example.org", false)]
    [InlineData("", false)]
    public void Checks_a_paypal_address(string typed, bool valid) => Assert.Equal(valid, PayPalAddress.IsValid(typed));

    [Fact]
    public void A_paypal_address_is_shown_with_its_first_letter_and_its_domain() =>
        Assert.Equal("j•••@example.org", PayPalAddress.Mask("jeanne@example.org"));
}
