namespace Crowdsource.Application.Files;

/// <summary>A type of file the platform accepts, recognised by the signature at the start of its content.</summary>
public sealed class FileKind
{
    private FileKind(string name, string contentType, string extension)
    {
        Name = name;
        ContentType = contentType;
        Extension = extension;
    }

    public static FileKind Png { get; } = new("PNG", "image/png", ".png");

    public static FileKind Jpeg { get; } = new("JPEG", "image/jpeg", ".jpg");

    public static FileKind WebP { get; } = new("WebP", "image/webp", ".webp");

    public static FileKind Gif { get; } = new("GIF", "image/gif", ".gif");

    public static FileKind Pdf { get; } = new("PDF", "application/pdf", ".pdf");

    public static FileKind Mp4 { get; } = new("MP4", "video/mp4", ".mp4");

    public static IReadOnlyList<FileKind> Images { get; } = [Png, Jpeg, WebP, Gif];

    /// <summary>How many bytes <see cref="Detect"/> needs to recognise every kind.</summary>
    public const int SignatureLength = 16;

    public string Name { get; }

    public string ContentType { get; }

    /// <summary>The extension a stored file of this kind gets, whatever the sender's name said.</summary>
    public string Extension { get; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    /// <summary>The kind whose signature starts <paramref name="header"/>, or null when none does.</summary>
    public static FileKind? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (header.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        // ISO base media: a box size, then "ftyp" and a brand of the MP4 family.
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8) && IsMp4Brand(header[8..12]))
        {
            return Mp4;
        }

        return null;
    }

    private static bool IsMp4Brand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("isom"u8) || brand.SequenceEqual("iso2"u8) || brand.SequenceEqual("mp41"u8) || brand.SequenceEqual("mp42"u8)
        || brand.SequenceEqual("avc1"u8) || brand.SequenceEqual("M4V "u8) || brand.SequenceEqual("dash"u8);

    public override string ToString() => Name;
}
