using System.Text.RegularExpressions;
using System.Xml.Linq;
using Crowdsource.TestSupport;

namespace Crowdsource.Web.Tests.Repository;

/// <summary>
/// French typography in every French string: a no-break space (U+00A0, or the narrow U+202F) before ":" ";" "!" "?",
/// inside « », and after "n°". Allowed without one, because no reader sees them as punctuation: the colon of a .NET
/// format item ("{0:N0}", "{0:yyyy-MM-dd HH:mm}"), of a time pattern ("HH:mm:ss", which prints 14:05:09) and of a web
/// address ("https://"). And the typographic apostrophe (’), never the typewriter one ('), except around the literal
/// parts of a date pattern ("d MMMM yyyy 'à' HH:mm").
/// </summary>
public sealed partial class FrenchTypographyTests
{
    public static TheoryData<string> FrenchResources => new()
    {
        "src/Crowdsource.Web/Resources/UiText.fr.resx",
        "src/Crowdsource.Application/Resources/Messages.fr.resx",
        "src/Crowdsource.Domain/Resources/DomainText.fr.resx",
    };

    [Theory]
    [MemberData(nameof(FrenchResources))]
    public void Every_french_string_has_a_no_break_space_where_french_typography_wants_one(string resource)
    {
        var strings = XDocument.Load(Path.Combine(RepositoryRoot.Path, resource)).Root!.Elements("data")
            .Select(data => (Name: data.Attribute("name")!.Value, Text: data.Element("value")!.Value))
            .ToList();

        var faults = strings.SelectMany(entry => Faults(entry.Text).Select(fault => $"{entry.Name}: …{fault}…")).ToList();

        Assert.True(strings.Count > 50);
        Assert.Empty(faults);
    }

    [Theory]
    [InlineData("Prix 1: 2 500 EUR", true)]
    [InlineData("Vous avez déjà un compte ?", true)]
    [InlineData("Participer à « {0} »", true)]
    [InlineData("Participation n° {0}", true)]
    [InlineData("Prix\u00a0: {0:N0} ; total\u202f!", true)]
    [InlineData("Prix\u00a0: {0:N0}, le {1:yyyy-MM-dd HH:mm}, sur https://exemple.fr", false)]
    [InlineData("d MMMM yyyy 'à' HH:mm:ss 'UTC'", false)]
    [InlineData("Participer à «\u00a0{0}\u00a0», n°\u00a03\u202f?", false)]
    [InlineData("L'acte de cession", true)]
    [InlineData("L’acte de cession", false)]
    [InlineData("d'er' MMMM yyyy 'à' HH:mm:ss 'UTC'", false)]
    public void The_check_finds_what_a_french_reader_would_see_as_a_fault(string text, bool faulty) =>
        Assert.Equal(faulty, Faults(text).Any());

    private static IEnumerable<string> Faults(string text)
    {
        var readable = AllowedColons().Replace(text, string.Empty);
        foreach (Match fault in MissingSpace().Matches(readable))
        {
            yield return readable.Substring(Math.Max(0, fault.Index - 20), Math.Min(readable.Length - Math.Max(0, fault.Index - 20), 30));
        }

        var words = text.Contains("yyyy", StringComparison.Ordinal) ? QuotedLiteral().Replace(text, string.Empty) : text;
        foreach (Match fault in TypewriterApostrophe().Matches(words))
        {
            yield return words.Substring(Math.Max(0, fault.Index - 20), Math.Min(words.Length - Math.Max(0, fault.Index - 20), 30));
        }
    }

    /// <summary>The literal text of a .NET date pattern: 'à', 'UTC'.</summary>
    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex QuotedLiteral();

    [GeneratedRegex(@"\p{L}'\p{L}")]
    private static partial Regex TypewriterApostrophe();

    /// <summary>Format items ({0:N0}), time patterns (HH:mm:ss) and web addresses (https://), whose colons are not punctuation.</summary>
    [GeneratedRegex(@"\{\d+:[^}]*\}|HH:mm(:ss)?|[a-z]+://")]
    private static partial Regex AllowedColons();

    /// <summary>Punctuation that needs a no-break space before it, « and n° that need one after.</summary>
    [GeneratedRegex(@"(?<![\u00a0\u202f])[:;!?»]|«(?![\u00a0\u202f])|n°(?![\u00a0\u202f]|$)")]
    private static partial Regex MissingSpace();
}
