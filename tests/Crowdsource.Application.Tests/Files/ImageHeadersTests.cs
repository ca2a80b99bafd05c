using System.Buffers.Binary;
using System.Globalization;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Files;
using Crowdsource.TestSupport;
using SkiaSharp;

namespace Crowdsource.Application.Tests.Files;

/// <summary>Dimensions from headers only: what a decoder would allocate is known before a pixel is decoded.</summary>
public sealed class ImageHeadersTests
{
    /// <summary>The classic 1 × 1 GIF: a two-colour table, one frame, its LZW data, the trailer.</summary>
    private static readonly byte[] OnePixelGif =
    [
        .. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF,
        0x21, 0xF9, 4, 1, 0, 0, 0, 0,
        0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B,
    ];

    private static ImageSize? Read(byte[] content, FileKind kind) => ImageHeaders.Read(new MemoryStream(content), kind);

    private static byte[] Encode(int width, int height, Func<SKPixmap, SKData?> encode, bool transparent = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(transparent ? new SKColor(200, 40, 40, 128) : new SKColor(200, 40, 40));
        using var pixmap = bitmap.PeekPixels();
        using var data = encode(pixmap) ?? throw new InvalidOperationException("Skia could not encode the picture.");
        return data.ToArray();
    }

    public static TheoryData<string> RealFiles => ["png", "jpeg", "webp-lossy", "webp-lossless", "webp-extended", "gif"];

    private static (byte[] Content, FileKind Kind, ImageSize Size) RealFile(string name) => name switch
    {
        "png" => (TestFiles.Png(37, 23), FileKind.Png, new ImageSize(37, 23)),
        "jpeg" => (Encode(37, 23, pixmap => pixmap.Encode(new SKJpegEncoderOptions(80))), FileKind.Jpeg, new ImageSize(37, 23)),
        "webp-lossy" => (Encode(37, 23, pixmap => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 80))), FileKind.WebP, new ImageSize(37, 23)),
        "webp-lossless" => (Encode(37, 23, pixmap => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 80))), FileKind.WebP, new ImageSize(37, 23)),
        "webp-extended" => (Encode(37, 23, pixmap => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 80)), transparent: true), FileKind.WebP, new ImageSize(37, 23)),
        "gif" => (OnePixelGif, FileKind.Gif, new ImageSize(1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Reads_the_size_of_a_real_file_as_its_decoder_sees_it(string name)
    {
        var (content, kind, size) = RealFile(name);

        Assert.Same(kind, FileKind.Detect(content));
        Assert.Equal(size, Read(content, kind));
        using var codec = SKCodec.Create(new MemoryStream(content));
        Assert.Equal(new SKSizeI(size.Width, size.Height), codec.Info.Size);
    }

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Refuses_every_truncated_header_without_throwing(string name)
    {
        var (content, kind, size) = RealFile(name);

        for (var length = 0; length < content.Length; length++)
        {
            var read = Read(content[..length], kind);
            Assert.True(read is null || read == size, $"{name} cut at {length} bytes read as {read}");
        }

        Assert.Null(Read(content[..Math.Min(content.Length, 12)], kind));
    }

    [Fact]
    public void Reads_a_huge_png_header_that_carries_no_pixel_data()
    {
        var bomb = TestFiles.PngOfZeroRows(20_000, 20_000)[..33]; // signature and IHDR only

        Assert.Equal(new ImageSize(20_000, 20_000), Read(bomb, FileKind.Png));
    }

    [Fact]
    public void Finds_a_jpeg_frame_header_behind_large_metadata_segments()
    {
        var segment = new byte[60_000];
        byte[] jpeg =
        [
            0xFF, 0xD8, 0xFF, 0xE1, 0xEA, 0x62, .. segment, // APP1 (EXIF) of 60,000 bytes, length included
            0xFF, 0xFF, 0xC2, 0, 11, 8, 0x75, 0x30, 0x00, 0x01, 1, 1, 0x11, 0, // fill byte, then SOF2: 30,000 high, 1 wide
        ];

        Assert.Equal(new ImageSize(1, 30_000), Read(jpeg, FileKind.Jpeg));
    }

    [Fact]
    public void Measures_a_gif_by_its_largest_frame_not_only_its_logical_screen()
    {
        byte[] gif =
        [
            .. "GIF89a"u8, 10, 0, 10, 0, 0, 0, 0, // a 10 × 10 screen without a colour table
            0x2C, 0x10, 0x27, 0, 0, 0x60, 0xEA, 0x30, 0x75, 0, 2, 1, 0, 0, 0x3B, // a frame at x 10,000: 60,000 × 30,000
        ];

        Assert.Equal(new ImageSize(70_000, 30_000), Read(gif, FileKind.Gif));
    }

    [Fact]
    public void Reads_a_webp_canvas_of_the_extended_format_without_any_frame()
    {
        byte[] webp = [.. "RIFF"u8, 22, 0, 0, 0, .. "WEBPVP8X"u8, 10, 0, 0, 0, 0x02, 0, 0, 0, 0x3F, 0x9C, 0, 0x3F, 0x9C, 0];

        Assert.Equal(new ImageSize(40_000, 40_000), Read(webp, FileKind.WebP));
    }

    /// <summary>A PNG's signature and IHDR chunk declaring the given bit depth and interlace method (0 none, 1 Adam7).</summary>
    private static byte[] PngHeader(int width, int height, byte bitDepth, byte interlace)
    {
        var header = TestFiles.PngOfZeroRows(width, height)[..33];
        header[24] = bitDepth;
        header[28] = interlace;
        return header;
    }

    [Theory]
    [InlineData(8, 0, 1)]
    [InlineData(16, 0, 2)]
    [InlineData(8, 1, 2)]
    [InlineData(16, 1, 4)]
    public void Weighs_a_png_by_what_decoding_its_bit_depth_and_interlacing_costs(byte bitDepth, byte interlace, int weight)
    {
        var size = Read(PngHeader(300, 200, bitDepth, interlace), FileKind.Png);

        Assert.Equal(new ImageSize(300, 200, weight), size);
        Assert.Equal(60_000L * weight, size!.Value.DecodedPixels);
    }

    [Fact]
    public void Refuses_garbage_after_a_valid_signature_and_declared_sizes_of_zero()
    {
        var garbage = new byte[200];
        new Random(7).NextBytes(garbage);
        var zeroPng = TestFiles.Png(1, 1);
        BinaryPrimitives.WriteInt32BigEndian(zeroPng.AsSpan(16), 0);

        Assert.Null(Read([0x89, .. "PNG\r\n\u001a\n"u8, .. garbage], FileKind.Png));
        Assert.Null(Read([0xFF, 0xD8, 0xFF, 0xDA, .. garbage], FileKind.Jpeg));
        Assert.Null(Read([0xFF, 0xD8, 0x00, .. garbage], FileKind.Jpeg));
        Assert.Null(Read([.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x99, .. garbage], FileKind.Gif));
        Assert.Null(Read([.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPJUNK"u8, .. garbage], FileKind.WebP));
        Assert.Null(Read(zeroPng, FileKind.Png));
        Assert.Null(Read([.. "%PDF-1.4"u8, .. garbage], FileKind.Pdf));
    }

    [Fact]
    public void The_budget_lets_an_image_at_its_limit_pass_and_names_the_size_of_one_over_it()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        try
        {
            BudgetMessages();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private static void BudgetMessages()
    {
        var budget = new PixelBudget(MaximumPixels: 1_000_000, MaximumSide: 2_000);

        Assert.Equal(new ImageSize(1_000, 1_000), budget.Check(new MemoryStream(TestFiles.PngOfZeroRows(1_000, 1_000)[..33]), FileKind.Png, "Logo", "a.png"));
        var tooMany = Assert.Throws<ValidationException>(() => budget.Check(new MemoryStream(TestFiles.PngOfZeroRows(1_001, 1_000)[..33]), FileKind.Png, "Logo", "b.png"));
        var tooLong = Assert.Throws<ValidationException>(() => budget.Check(new MemoryStream(TestFiles.PngOfZeroRows(2_001, 10)[..33]), FileKind.Png, "Logo", "c.png"));
        var unreadable = Assert.Throws<ValidationException>(() => budget.Check(new MemoryStream(TestFiles.Png(8, 8)[..20]), FileKind.Png, "Logo", "d.png"));
        Assert.Equal(new ImageSize(600, 600), budget.Check(new MemoryStream(PngHeader(600, 600, bitDepth: 8, interlace: 0)), FileKind.Png, "Logo", "e.png"));
        var costly = Assert.Throws<ValidationException>(() => budget.Check(new MemoryStream(PngHeader(600, 600, bitDepth: 16, interlace: 1)), FileKind.Png, "Logo", "f.png"));

        Assert.StartsWith("b.png is 1,001 × 1,000 pixels; the limit is 1 megapixels", Assert.Single(tooMany.Errors["Logo"]), StringComparison.Ordinal);
        Assert.StartsWith("c.png is 2,001 × 10 pixels", Assert.Single(tooLong.Errors["Logo"]), StringComparison.Ordinal);
        Assert.StartsWith("d.png starts like a PNG image", Assert.Single(unreadable.Errors["Logo"]), StringComparison.Ordinal);
        Assert.StartsWith("f.png is a 16-bit or interlaced PNG of 600 × 600 pixels: decoding it takes as much as 1.4 megapixels, over the limit of 1 megapixels.",
            Assert.Single(costly.Errors["Logo"]), StringComparison.Ordinal);
    }
}
