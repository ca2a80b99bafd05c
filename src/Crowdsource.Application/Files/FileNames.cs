using System.Globalization;
using System.Text;
using Crowdsource.Domain.Files;

namespace Crowdsource.Application.Files;

/// <summary>Turns the name a sender's computer gave a file into a harmless display name. It is never used as a path.</summary>
public static class FileNames
{
    public static string Clean(string? claimedName, FileKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var name = claimedName ?? string.Empty;

        // Keep the last segment of anything that looks like a path, from any operating system.
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var stem = Path.GetFileNameWithoutExtension(name);

        var cleaned = new StringBuilder(stem.Length);
        foreach (var rune in stem.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var keep = Rune.IsLetterOrDigit(rune) || rune.Value is ' ' or '-' or '_' or '(' or ')' or '.'
                || category == UnicodeCategory.NonSpacingMark;
            cleaned.Append(keep ? rune.ToString() : "_");
        }

        var result = cleaned.ToString().Trim(' ', '.', '_');
        if (result.Length == 0)
        {
            result = "file";
        }

        var maximumStem = StoredFile.FileNameMaximumLength - kind.Extension.Length;
        if (result.Length > maximumStem)
        {
            var cut = char.IsHighSurrogate(result[maximumStem - 1]) ? maximumStem - 1 : maximumStem;
            result = result[..cut].TrimEnd(' ', '.');
        }

        return result + kind.Extension;
    }
}
