using System.Globalization;
using System.Xml.Linq;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace Crowdsource.TestSupport;

/// <summary>
/// A PDF read back as a person's viewer would (PdfPig parses every page): the lines of text it shows, top to bottom,
/// the fonts it uses and whether each is embedded, and the PDF/A part its XMP metadata declares.
/// </summary>
public sealed record PdfReading(
    int Pages, IReadOnlyList<string> Lines, IReadOnlyList<string> Fonts, IReadOnlyList<string> FontsNotEmbedded, string? PdfAPart, string? PdfAConformance,
    double NarrowestRightMargin)
{
    private static readonly XNamespace PdfAId = "http://www.aiim.org/pdfa/ns/id/";

    /// <summary>The text the PDF shows, its lines joined by spaces (a wrapped sentence reads whole again).</summary>
    public string Text => string.Join(' ', Lines);

    public static PdfReading Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var scanner = document.Structure.TokenScanner;
        var lines = new List<string>();
        var fonts = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        var narrowest = double.MaxValue;
        foreach (var page in document.GetPages())
        {
            lines.AddRange(page.Letters
                .GroupBy(letter => Math.Round(letter.StartBaseLine.Y, 1))
                .OrderByDescending(line => line.Key)
                .Select(line => string.Concat(line.OrderBy(letter => letter.StartBaseLine.X).Select(letter => letter.Value)).TrimEnd()));
            foreach (var letter in page.Letters.Where(letter => !string.IsNullOrWhiteSpace(letter.Value)))
            {
                narrowest = Math.Min(narrowest, page.Width - letter.BoundingBox.Right);
            }

            foreach (var (name, embedded) in FontsOf(page.Dictionary, scanner))
            {
                fonts[name] = embedded;
            }
        }

        string? part = null, conformance = null;
        if (document.TryGetXmpMetadata(out var xmp))
        {
            var xml = xmp.GetXDocument();
            part = ValueOf(xml, "part");
            conformance = ValueOf(xml, "conformance");
        }

        return new PdfReading(document.NumberOfPages, lines, [.. fonts.Keys], [.. fonts.Where(font => !font.Value).Select(font => font.Key)], part, conformance, narrowest);
    }

    /// <summary>A value of the pdfaid schema, written as an attribute or as an element.</summary>
    private static string? ValueOf(XDocument xml, string name) =>
        xml.Descendants().Select(element => element.Attribute(PdfAId + name)?.Value).FirstOrDefault(value => value is not null)
        ?? xml.Descendants(PdfAId + name).Select(element => element.Value).FirstOrDefault();

    private static IEnumerable<(string Name, bool Embedded)> FontsOf(DictionaryToken page, IPdfTokenScanner scanner)
    {
        if (!page.Data.TryGetValue("Resources", out var resourcesToken)
            || !Resolve<DictionaryToken>(resourcesToken, scanner).Data.TryGetValue("Font", out var fontsToken))
        {
            yield break;
        }

        foreach (var token in Resolve<DictionaryToken>(fontsToken, scanner).Data.Values)
        {
            var font = Resolve<DictionaryToken>(token, scanner);
            var name = font.Data.TryGetValue("BaseFont", out var baseFont) ? Resolve<NameToken>(baseFont, scanner).Data : "?";
            if (font.Data.TryGetValue("DescendantFonts", out var descendants))
            {
                font = Resolve<DictionaryToken>(Resolve<ArrayToken>(descendants, scanner).Data[0], scanner);
            }

            var embedded = font.Data.TryGetValue("FontDescriptor", out var descriptor)
                && Resolve<DictionaryToken>(descriptor, scanner).Data.Keys.Any(key => key.StartsWith("FontFile", StringComparison.Ordinal));
            yield return (name.ToString(CultureInfo.InvariantCulture), embedded);
        }
    }

    private static T Resolve<T>(IToken token, IPdfTokenScanner scanner)
        where T : class, IToken =>
        DirectObjectFinder.Get<T>(token, scanner) ?? throw new InvalidOperationException($"The PDF has no {typeof(T).Name} where one is expected.");
}
