using System.Globalization;
using System.Text;

namespace Crowdsource.Infrastructure.Documents;

/// <summary>
/// A small PDF writer for text documents (receipts, grants): A4 pages, the standard Helvetica and Courier fonts in
/// WinAnsi encoding (Western European text, French included), word wrapping and page breaks. Characters outside that
/// encoding print as "?". No dependency: the PDF libraries on the registry are AGPL or need native fonts.
/// </summary>
public sealed class SimplePdf
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 56;
    private static readonly Encoding WinAnsi = CodePagesEncoding();

    private readonly List<StringBuilder> _pages = [];
    private double _y;

    public SimplePdf() => NewPage();

    public enum Style
    {
        Title,
        Heading,
        Body,
        Small,
        Mono,
    }

    /// <summary>Writes a paragraph, wrapped to the page width, then a little space.</summary>
    public SimplePdf Paragraph(string text, Style style = Style.Body)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (font, size) = FontOf(style);
        var leading = size * 1.35;
        foreach (var line in Wrap(text, style, size))
        {
            if (_y - leading < Margin)
            {
                NewPage();
            }

            _y -= leading;
            _pages[^1].Append(CultureInfo.InvariantCulture,
                $"BT /{font} {size:0.##} Tf {Margin:0.##} {_y:0.##} Td ({Escape(line)}) Tj ET\n");
        }

        _y -= size * 0.6;
        return this;
    }

    /// <summary>
    /// Fills a sentence with values people typed, each kept on one line: a line break in a title or a name must not
    /// start a line of its own in a legal document, where it would read as one of the document's own statements.
    /// </summary>
    public static string Fill(IFormatProvider culture, string format, params object?[] values) =>
        string.Format(culture, format, [.. values.Select(value => value is string text ? OneLine(text) : value)]);

    /// <summary>The text with every run of control characters and line or paragraph separators made one space.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            var breaks = char.IsControl(character) || character is '\u2028' or '\u2029' or '\u0085';
            if (!breaks)
            {
                line.Append(character);
            }
            else if (line.Length > 0 && line[^1] != ' ')
            {
                line.Append(' ');
            }
        }

        return line.ToString();
    }

    public byte[] ToBytes()
    {
        // Objects: 1 catalog, 2 pages, 3-5 fonts, then a page and its content per page.
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            string.Empty, // pages, filled in below
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
        };
        var kids = new List<string>();
        var streams = new Dictionary<int, byte[]>();
        foreach (var page in _pages)
        {
            var content = WinAnsi.GetBytes(page.ToString());
            objects.Add(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth:0.##} {PageHeight:0.##}] /Contents {objects.Count + 2} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> >>"));
            kids.Add($"{objects.Count} 0 R");
            objects.Add(string.Empty);
            streams[objects.Count] = content;
        }

        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', kids)}] /Count {kids.Count} >>";

        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var index = 0; index < objects.Count; index++)
        {
            var number = index + 1;
            offsets.Add(pdf.Position);
            if (streams.TryGetValue(number, out var stream))
            {
                Write(pdf, string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n<< /Length {stream.Length} >>\nstream\n"));
                pdf.Write(stream);
                Write(pdf, "\nendstream\nendobj\n");
            }
            else
            {
                Write(pdf, string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n{objects[index]}\nendobj\n"));
            }
        }

        var xref = pdf.Position;
        var table = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(pdf, table.ToString());
        return pdf.ToArray();
    }

    private void NewPage()
    {
        _pages.Add(new StringBuilder());
        _y = PageHeight - Margin;
    }

    private static (string Font, double Size) FontOf(Style style) => style switch
    {
        Style.Title => ("F2", 18),
        Style.Heading => ("F2", 12),
        Style.Small => ("F1", 8.5),
        Style.Mono => ("F3", 8.5),
        _ => ("F1", 10.5),
    };

    /// <summary>Splits into lines that fit the text width; Courier is exact, Helvetica is estimated on the wide side.</summary>
    private static IEnumerable<string> Wrap(string text, Style style, double size)
    {
        var width = PageWidth - (2 * Margin);
        var averageCharacter = style == Style.Mono ? 0.6 : style is Style.Title or Style.Heading ? 0.58 : 0.5;
        var perLine = Math.Max(20, (int)(width / (size * averageCharacter)));
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                var piece = word;
                while (piece.Length > perLine)
                {
                    if (line.Length > 0)
                    {
                        yield return line.ToString();
                        line.Clear();
                    }

                    yield return piece[..perLine];
                    piece = piece[perLine..];
                }

                if (line.Length > 0 && line.Length + 1 + piece.Length > perLine)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : string.Empty).Append(piece);
            }

            yield return line.ToString();
        }
    }

    private static string Escape(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            safe.Append(character switch
            {
                '\\' => "\\\\",
                '(' => "\\(",
                ')' => "\\)",
                < ' ' => " ",
                _ => character.ToString(),
            });
        }

        return safe.ToString();
    }

    private static void Write(Stream stream, string text) => stream.Write(WinAnsi.GetBytes(text));

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }
}
