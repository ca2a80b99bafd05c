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
    public static bool HoldsALink(string? name) => name is not null && Link().IsMatch(name);

    public static IRuleBuilderOptions<T, string> WithoutLinks<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(name => !HoldsALink(name)).WithMessage(_ => Messages.NameWithoutLinks);

    // A scheme (https://), "www.", an e-mail address, or a host name (words joined by dots, ending in a label of two letters or more).
    [GeneratedRegex(@"://|\bwww\.|[^\s@]+@[^\s@]+\.[^\s@]+|[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Link();
}
