using Crowdsource.Application.Licensing;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Licensing;
using Crowdsource.Web.Hosting;

namespace Crowdsource.Web.Tests.Localization;

/// <summary>
/// Every status, category, licence scope and licence fact has words in English and in French: a value added to an
/// enum without its text fails here instead of showing its C# name to a French reader.
/// </summary>
public sealed class StatusNamesTests
{
    [Fact]
    public void Every_status_category_and_scope_has_words_in_both_languages()
    {
        AssertNamed(Enum.GetValues<ChallengeStatus>(), status => StatusNames.Describe(status));
        AssertNamed(Enum.GetValues<EntryStatus>(), status => StatusNames.Describe(status));
        AssertNamed(Enum.GetValues<ChallengeCategory>(), category => StatusNames.Describe(category));
        AssertNamed(Enum.GetValues<LicenceScope>(), scope => StatusNames.Describe(scope));
        AssertNamed(Enum.GetValues<LicenceAppliesTo>(), appliesTo => LicenceFactText.Describe(appliesTo));
    }

    [Fact]
    public void Every_licence_fact_of_the_catalogue_reads_in_french()
    {
        var facts = typeof(LicenceFacts).GetFields().Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!).ToList();

        Assert.Equal(7, facts.Count);
        AssertNamed(facts, LicenceFactText.Describe);
        Assert.Equal("Monde entier", InTwoLanguages.In("fr-FR", () => LicenceFactText.Describe(LicenceFacts.Worldwide)));
        Assert.Equal("Worldwide", InTwoLanguages.In("en", () => LicenceFactText.Describe(LicenceFacts.Worldwide)));
        Assert.Equal("Print only", InTwoLanguages.In("fr-FR", () => LicenceFactText.Describe("Print only")));
    }

    [Fact]
    public void Prize_tiers_have_one_wording_per_language()
    {
        Assert.Equal(("Prize 1", "1er prix"), InTwoLanguages.Text(() => AwardNames.Tier(1)));
        Assert.Equal(("Prize 2", "2e prix"), InTwoLanguages.Text(() => AwardNames.Tier(2)));
        Assert.Equal("10e prix", InTwoLanguages.In("fr-FR", () => AwardNames.Tier(10)));
    }

    [Fact]
    public void Criterion_weights_and_amounts_follow_each_languages_typography()
    {
        Assert.Equal(("60%", "60\u202f%"), InTwoLanguages.Text(() => Punctuation.Percent(60)));
        Assert.Equal(("€2,500", "2\u202f500\u00a0€"), InTwoLanguages.Text(() => MoneyFormat.Amount(2500m, "EUR")));
    }

    /// <summary>Words that French writes as English does.</summary>
    private static readonly HashSet<string> SameInFrench = ["Illustration"];

    private static void AssertNamed<T>(IEnumerable<T> values, Func<T, string> describe) where T : notnull =>
        Assert.All(values, value =>
        {
            var (english, french) = InTwoLanguages.Text(() => describe(value));
            Assert.False(string.IsNullOrWhiteSpace(english), $"{value} has no English text");
            if (!SameInFrench.Contains(french))
            {
                Assert.NotEqual(english, french);
            }
        });
}
