using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Judging;

namespace Crowdsource.Application.Tests.Common;

/// <summary>One way of writing prizes for pages, notifications, e-mails and documents: the reader's language decides.</summary>
public sealed class PrizeWordingTests
{
    [Theory]
    [InlineData("en-GB", 2500, "EUR", "€2,500")]
    [InlineData("en-GB", 2500.5, "EUR", "€2,500.50")]
    [InlineData("en-GB", 300, "GBP", "GBP\u00a0300")] // "£" also names the pounds of Gibraltar, Egypt...
    [InlineData("en-GB", 1200, "USD", "US$1,200")] // "$" alone names several dollars
    [InlineData("fr-FR", 2500, "EUR", "2\u202f500\u00a0€")]
    [InlineData("fr-FR", 2500.5, "EUR", "2\u202f500,50\u00a0€")]
    [InlineData("fr-FR", 1200, "USD", "1\u202f200\u00a0US$")]
    [InlineData("fr-FR", 1200, "CAD", "1\u202f200\u00a0CAD")]
    [InlineData("fr-FR", 75, "CHF", "75\u00a0CHF")]
    public void An_amount_is_written_as_the_readers_language_writes_money_and_never_breaks_across_lines(
        string culture, double amount, string currency, string expected) =>
        Assert.Equal(expected, PrizeWording.Amount((decimal)amount, currency, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("en-GB", 1, "Prize 1")]
    [InlineData("en-GB", 3, "Prize 3")]
    [InlineData("en-GB", Award.PeoplesChoiceRank, "People’s choice")]
    [InlineData("fr-FR", 1, "1er prix")]
    [InlineData("fr-FR", 2, "2e prix")]
    [InlineData("fr-FR", Award.PeoplesChoiceRank, "Prix du public")]
    public void A_prize_tier_has_one_name_in_each_language(string culture, int rank, string expected) =>
        Assert.Equal(expected, PrizeWording.Tier(rank, CultureInfo.GetCultureInfo(culture)));
}
