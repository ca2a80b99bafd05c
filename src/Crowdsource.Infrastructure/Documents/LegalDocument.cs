using System.Globalization;
using System.Text;
using Crowdsource.Application.Resources;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Crowdsource.Infrastructure.Documents;

/// <summary>
/// A text document kept as a legal record (licence receipts and grants), written with PDFsharp as PDF/A: A4 pages,
/// embedded fonts that cover Latin, Greek, Cyrillic and CJK text (each character drawn by a font that has it), every
/// paragraph wrapped to the page (a word longer than a line, such as a SHA-256 fingerprint or a file name, is cut
/// between characters, never clipped), pages broken as needed and numbered in the footer. The text is tagged (title, headings, paragraphs; the
/// rules and footers are artifacts), as PDFsharp requires of a PDF/A document.
/// </summary>
internal sealed class LegalDocument
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 56;
    private const double FooterHeight = 24;
    private const double Width = PageWidth - (2 * Margin);
    private const double Bottom = PageHeight - Margin - FooterHeight;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XColor Ink = XColor.FromArgb(0x1a, 0x1a, 0x1a);
    private static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);

    private readonly string _title;
    private readonly CultureInfo _culture;
    private readonly List<(string Text, Style Style)> _paragraphs = [];
    private readonly Dictionary<(DocumentFonts.Face, double), XFont> _fonts = [];

    public LegalDocument(string title, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(culture);
        _title = title;
        _culture = culture;
    }

    public enum Style
    {
        Title,
        Heading,
        Body,
        Small,
        Mono,
    }

    /// <summary>
    /// Fills a sentence with values people typed, each kept on one line: a line break in a title or a name must not
    /// start a line of its own in a legal document, where it would read as one of the document's own statements.
    /// </summary>
    public static string Fill(IFormatProvider culture, string format, params object?[] values) =>
        string.Format(culture, Typeset(format), [.. values.Select(value => value is string text ? OneLine(text) : value)]);

    /// <summary>
    /// The sentence with the spaces that French typography puts before ":" ";" "!" "?" and inside « » made no-break
    /// spaces, so that a wrapped line never starts with the mark. Only the document's own sentences, never typed values.
    /// </summary>
    public static string Typeset(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.Replace(" :", "\u00a0:", StringComparison.Ordinal)
            .Replace(" ;", "\u202f;", StringComparison.Ordinal)
            .Replace(" !", "\u202f!", StringComparison.Ordinal)
            .Replace(" ?", "\u202f?", StringComparison.Ordinal)
            .Replace("« ", "«\u00a0", StringComparison.Ordinal)
            .Replace(" »", "\u00a0»", StringComparison.Ordinal);
    }

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

    /// <summary>Adds a paragraph, to be wrapped to the page width; "\n" starts a new line.</summary>
    public LegalDocument Paragraph(string text, Style style = Style.Body)
    {
        ArgumentNullException.ThrowIfNull(text);
        _paragraphs.Add((text, style));
        return this;
    }

    /// <summary>The PDF/A: the paragraphs laid out on A4 pages, each page footed with the footer and "Page n of N".</summary>
    public byte[] ToBytes(string footer)
    {
        ArgumentNullException.ThrowIfNull(footer);
        DocumentFonts.Register();
        var pages = Layout();

        using var document = new PdfDocument();
        document.SetPdfA();
        document.Language = _culture.Name;
        document.Info.Title = _title;
        document.Info.Author = "Crowdsource";
        document.Info.Creator = "Crowdsource";
        var structure = UAManager.ForDocument(document).StructureBuilder;
        for (var index = 0; index < pages.Count; index++)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var graphics = XGraphics.FromPdfPage(page);
            if (index == 0)
            {
                structure.BeginElement(PdfGroupingElementTag.Document);
            }

            foreach (var block in pages[index].GroupBy(line => line.Paragraph))
            {
                var style = block.First().Style;
                structure.BeginElement(style switch
                {
                    Style.Title => PdfBlockLevelElementTag.Heading1,
                    Style.Heading => PdfBlockLevelElementTag.Heading2,
                    _ => PdfBlockLevelElementTag.Paragraph,
                });
                foreach (var line in block)
                {
                    Draw(graphics, line.Text, line.Face, line.Size, Margin, line.Baseline, line.Color);
                }

                structure.End();
                if (style == Style.Title)
                {
                    structure.BeginArtifact();
                    var rule = block.Last().Baseline + (block.Last().Size * 0.6);
                    graphics.DrawLine(new XPen(Ink, 0.8), Margin, rule, Margin + Width, rule);
                    structure.End();
                }
            }

            structure.BeginArtifact();
            var baseline = PageHeight - Margin + FooterHeight - 6;
            const double size = 8;
            graphics.DrawLine(new XPen(Muted, 0.4), Margin, baseline - 12, Margin + Width, baseline - 12);
            var number = string.Format(_culture, Messages.DocumentPage, index + 1, pages.Count);
            Draw(graphics, OneLine(footer), DocumentFonts.Face.Sans, size, Margin, baseline, Muted);
            Draw(graphics, number, DocumentFonts.Face.Sans, size, Margin + Width - WidthOf(graphics, number, DocumentFonts.Face.Sans, size), baseline, Muted);
            structure.End();
            if (index == pages.Count - 1)
            {
                structure.End();
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static (DocumentFonts.Face Face, double Size, double Before, XColor Color) Look(Style style) => style switch
    {
        Style.Title => (DocumentFonts.Face.SansBold, 18, 0, Ink),
        Style.Heading => (DocumentFonts.Face.SansBold, 12, 8, Ink),
        Style.Small => (DocumentFonts.Face.Sans, 8.5, 6, Muted),
        Style.Mono => (DocumentFonts.Face.Mono, 8.5, 0, Ink),
        _ => (DocumentFonts.Face.Sans, 10, 0, Ink),
    };

    /// <summary>Where every line goes: the paragraphs wrapped, and broken into pages (a heading stays with what follows it).</summary>
    private List<List<Line>> Layout()
    {
        using var scratch = new PdfDocument();
        var scratchPage = scratch.AddPage();
        scratchPage.Size = PageSize.A4;
        using var measure = XGraphics.FromPdfPage(scratchPage);
        var pages = new List<List<Line>> { new() };
        var y = Margin;
        for (var number = 0; number < _paragraphs.Count; number++)
        {
            var (text, style) = _paragraphs[number];
            var (face, size, before, color) = Look(style);
            var leading = size * 1.4;
            var lines = text.Split('\n').SelectMany(line => Wrap(measure, line, face, size)).ToList();
            y += before;
            var together = style is Style.Heading or Style.Title ? leading * 3 : leading;
            if (y + together > Bottom && pages[^1].Count > 0)
            {
                pages.Add([]);
                y = Margin;
            }

            foreach (var line in lines)
            {
                if (y + leading > Bottom)
                {
                    pages.Add([]);
                    y = Margin;
                }

                y += leading;
                pages[^1].Add(new Line(number, style, line, face, size, y - (size * 0.3), color));
            }

            y += style == Style.Title ? size * 1.05 : size * 0.55;
        }

        return pages;
    }

    /// <summary>Splits a line into lines that fit the width, at spaces, and inside a word only when it alone is too long.</summary>
    private List<string> Wrap(XGraphics measure, string text, DocumentFonts.Face face, double size)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (WidthOf(measure, candidate, face, size) <= Width)
            {
                line.Clear().Append(candidate);
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            var rest = word;
            while (WidthOf(measure, rest, face, size) > Width)
            {
                var fits = Fitting(measure, rest, face, size);
                lines.Add(rest[..fits]);
                rest = rest[fits..];
            }

            line.Append(rest);
        }

        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>How many characters (UTF-16 units, never half a surrogate pair) of the text fit on one line; at least one character.</summary>
    private int Fitting(XGraphics measure, string text, DocumentFonts.Face face, double size)
    {
        var fits = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var next = fits + rune.Utf16SequenceLength;
            if (fits > 0 && WidthOf(measure, text[..next], face, size) > Width)
            {
                break;
            }

            fits = next;
        }

        return fits;
    }

    private double WidthOf(XGraphics graphics, string text, DocumentFonts.Face face, double size) =>
        Runs(text, face).Sum(run => graphics.MeasureString(run.Text, FontOf(run.Face, size)).Width);

    private void Draw(XGraphics graphics, string text, DocumentFonts.Face face, double size, double x, double baseline, XColor color)
    {
        var brush = new XSolidBrush(color);
        foreach (var (runText, runFace) in Runs(text, face))
        {
            var font = FontOf(runFace, size);
            graphics.DrawString(runText, font, brush, x, baseline, XStringFormats.BaseLineLeft);
            x += graphics.MeasureString(runText, font).Width;
        }
    }

    /// <summary>The text cut into runs that one font draws: Latin, Greek and Cyrillic in the wanted face, CJK in the CJK face.</summary>
    private static List<(string Text, DocumentFonts.Face Face)> Runs(string text, DocumentFonts.Face wanted)
    {
        var runs = new List<(string Text, DocumentFonts.Face Face)>();
        var run = new StringBuilder();
        var current = wanted;
        foreach (var rune in text.EnumerateRunes())
        {
            var face = DocumentFonts.For(wanted, rune);
            if (face != current && run.Length > 0)
            {
                runs.Add((run.ToString(), current));
                run.Clear();
            }

            current = face;
            run.Append(rune.ToString());
        }

        if (run.Length > 0)
        {
            runs.Add((run.ToString(), current));
        }

        return runs;
    }

    private XFont FontOf(DocumentFonts.Face face, double size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
        {
            font = new XFont(DocumentFonts.FamilyOf(face), size, XFontStyleEx.Regular, Unicode);
            _fonts[(face, size)] = font;
        }

        return font;
    }

    private sealed record Line(int Paragraph, Style Style, string Text, DocumentFonts.Face Face, double Size, double Baseline, XColor Color);
}
