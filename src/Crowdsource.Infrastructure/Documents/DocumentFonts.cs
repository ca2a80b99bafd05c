using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Fonts;
using SkiaSharp;

namespace Crowdsource.Infrastructure.Documents;

/// <summary>
/// The fonts of the generated documents, shipped in this assembly (Documents/Fonts, with their licences) so that a
/// document never depends on the fonts of the machine: DejaVu Sans and DejaVu Sans Mono (Latin, Greek, Cyrillic) and
/// Droid Sans Fallback (Chinese, Japanese, Korean). PDFsharp embeds the subset of each that a document uses.
/// PDFsharp's font resolver is one per process; <see cref="Register"/> sets this one, once, before the first document.
/// </summary>
internal sealed class DocumentFonts : IFontResolver
{
    public enum Face
    {
        Sans,
        SansBold,
        Mono,
        Cjk,
    }

    private static readonly DocumentFonts Instance = new();
    private static readonly Lock Registration = new();

    private static readonly Dictionary<Face, string> FileNames = new()
    {
        [Face.Sans] = "DejaVuSans.ttf",
        [Face.SansBold] = "DejaVuSans-Bold.ttf",
        [Face.Mono] = "DejaVuSansMono.ttf",
        [Face.Cjk] = "DroidSansFallbackFull.ttf",
    };

    private readonly ConcurrentDictionary<Face, byte[]> _bytes = new();
    private readonly ConcurrentDictionary<Face, SKTypeface> _typefaces = new();

    private DocumentFonts()
    {
    }

    /// <summary>The family name a document asks PDFsharp for, one per face (each face is its own family here).</summary>
    public static string FamilyOf(Face face) => "Crowdsource " + face;

    /// <summary>Makes PDFsharp take its fonts from this assembly. Safe to call from any thread, any number of times.</summary>
    public static void Register()
    {
        lock (Registration)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    /// <summary>
    /// The face that draws a character: the wanted one when it has the glyph, else the CJK face when it has it (a name
    /// in Chinese in the middle of a French sentence), else the wanted one (a glyph no font here has: rare, and shown as
    /// that font's missing-glyph box rather than changed into another character).
    /// </summary>
    public static Face For(Face wanted, Rune character)
    {
        if (Instance.Has(wanted, character) || !Instance.Has(Face.Cjk, character))
        {
            return wanted;
        }

        return Face.Cjk;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        foreach (var face in Enum.GetValues<Face>())
        {
            if (string.Equals(familyName, FamilyOf(face), StringComparison.Ordinal))
            {
                return new FontResolverInfo(face == Face.Sans && bold ? nameof(Face.SansBold) : face.ToString());
            }
        }

        // PDFsharp asks for a family of its own on some paths (a default font): it gets the main one.
        return new FontResolverInfo(bold ? nameof(Face.SansBold) : nameof(Face.Sans));
    }

    public byte[]? GetFont(string faceName) => Enum.TryParse<Face>(faceName, out var face) ? BytesOf(face) : null;

    private bool Has(Face face, Rune character) =>
        _typefaces.GetOrAdd(face, static (key, fonts) => SKTypeface.FromData(SKData.CreateCopy(fonts.BytesOf(key))), this)
            .GetGlyph(character.Value) != 0;

    private byte[] BytesOf(Face face) => _bytes.GetOrAdd(face, static key =>
    {
        var name = "Documents.Fonts." + FileNames[key];
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
