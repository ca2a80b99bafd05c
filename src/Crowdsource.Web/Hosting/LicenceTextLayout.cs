using System.Text.RegularExpressions;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// Lays out a licence's full text for reading: a paragraph ends at a blank line or before a numbered clause ("2. ");
/// other line breaks are where the text was wrapped and read as spaces. The stored text (and its SHA-256) is untouched.
/// </summary>
public static partial class LicenceTextLayout
{
    public static IReadOnlyList<string> Paragraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.Trim()))
        {
            if (line.Length == 0 || (NumberedClause().IsMatch(line) && current.Count > 0))
            {
                Flush();
            }

            if (line.Length > 0)
            {
                current.Add(line);
            }
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(string.Join(' ', current));
                current.Clear();
            }
        }
    }

    [GeneratedRegex(@"^\d+\.\s")]
    private static partial Regex NumberedClause();
}
