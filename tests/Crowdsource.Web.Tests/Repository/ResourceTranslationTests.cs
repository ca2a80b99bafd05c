using System.Text.RegularExpressions;
using System.Xml.Linq;
using Crowdsource.TestSupport;

namespace Crowdsource.Web.Tests.Repository;

/// <summary>Every string a person reads exists in French and English, with the same placeholders.</summary>
public sealed partial class ResourceTranslationTests
{
    public static TheoryData<string> ResourceFiles => new()
    {
        "src/Crowdsource.Web/Resources/UiText",
        "src/Crowdsource.Application/Resources/Messages",
        "src/Crowdsource.Domain/Resources/DomainText",
    };

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Every_english_string_has_a_french_translation_with_the_same_placeholders(string resource)
    {
        var english = Read($"{resource}.resx");
        var french = Read($"{resource}.fr.resx");

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), french.Keys.Order(StringComparer.Ordinal));
        Assert.All(english, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(french[entry.Key]), $"{entry.Key} has no French text");
            Assert.Equal(Placeholders(entry.Value), Placeholders(french[entry.Key]));
        });
    }

    private static Dictionary<string, string> Read(string relativePath) =>
        XDocument.Load(Path.Combine(RepositoryRoot.Path, relativePath)).Root!
            .Elements("data")
            .ToDictionary(data => data.Attribute("name")!.Value, data => data.Element("value")!.Value, StringComparer.Ordinal);

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(match => match.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
