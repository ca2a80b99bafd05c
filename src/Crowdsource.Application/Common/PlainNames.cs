using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Crowdsource.Application.Resources;
using FluentValidation;

namespace Crowdsource.Application.Common;

/// <summary>
/// Names people choose (display names, brand names) are shown to others, e-mailed and printed on documents: they must
/// not carry a web address, an e-mail address or a site name someone could be lured to. One rule for every such field.
/// </summary>
public static partial class PlainNames
{
    public static bool HoldsALink(string? name) => name is not null && Link().IsMatch(Folded(name));

    public static IRuleBuilderOptions<T, string> WithoutLinks<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(name => !HoldsALink(name)).WithMessage(_ => Messages.NameWithoutLinks);

    /// <summary>
    /// The name as a mail reader shows it: look-alike dots made dots (fullwidth, one-dot leader, ideographic) and invisible
    /// characters dropped, so that "evil\u200b.com" or "evil\uff0ecom" cannot hide a host name.
    /// </summary>
    private static string Folded(string name)
    {
        var folded = new StringBuilder(name.Length);
        foreach (var character in name.Normalize(NormalizationForm.FormKC))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.Format)
            {
                folded.Append(character is '\u3002' or '\uFF61' ? '.' : character);
            }
        }

        return folded.ToString();
    }

    // A scheme (https://), "www.", an e-mail address, an IPv4 address, or a host name (words joined by dots, ending in a
    // label of two letters or more).
    [GeneratedRegex(@"://|\bwww\.|\b\d{1,3}(\.\d{1,3}){3}\b|[^\s@]+@[^\s@]+\.[^\s@]+|[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Link();
}
