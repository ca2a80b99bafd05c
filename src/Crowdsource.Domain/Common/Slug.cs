using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Crowdsource.Domain.Common;

/// <summary>URL names such as "kitkat" or "reinvent-the-wrapper": lower-case ASCII letters, digits and hyphens.</summary>
public static partial class Slug
{
    public const int MinimumLength = 3;
    public const int MaximumLength = 60;

    public static bool IsValid(string? slug) =>
        slug is { Length: >= MinimumLength and <= MaximumLength } && Pattern().IsMatch(slug);

    /// <summary>"Crème Brûlée &amp; Co" becomes "creme-brulee-co".</summary>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsAsciiLetterOrDigit(character) ? char.ToLowerInvariant(character) : '-');
        }

        var slug = Hyphens().Replace(builder.ToString(), "-").Trim('-');
        return slug.Length > MaximumLength ? slug[..MaximumLength].TrimEnd('-') : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
