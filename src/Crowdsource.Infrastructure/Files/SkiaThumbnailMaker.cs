using Crowdsource.Application.Files;
using Crowdsource.Domain.Files;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace Crowdsource.Infrastructure.Files;

/// <summary>
/// Thumbnails with SkiaSharp (MIT). JPEG and WebP are decoded already scaled down, so a large photo never becomes a
/// full-size bitmap in memory; other formats are decoded, then resized.
/// </summary>
internal sealed partial class SkiaThumbnailMaker(IFileStore files, ILogger<SkiaThumbnailMaker> logger) : IThumbnailMaker
{
    private const int JpegQuality = 82;

    public async Task<StoredFile?> MakeAsync(UploadedFile image, string? uploadedByUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var jpeg = Render(image);
        if (jpeg is null)
        {
            return null;
        }

        var name = Path.GetFileNameWithoutExtension(image.FileName) + "-thumbnail.jpg";
        return await files.SaveAsync(new UploadedFile(name, jpeg.Length, () => new MemoryStream(jpeg, writable: false)),
            new FilePolicy([FileKind.Jpeg], jpeg.Length), "Files", uploadedByUserId, cancellationToken);
    }

    private byte[]? Render(UploadedFile image)
    {
        try
        {
            using var input = image.OpenReadStream();
            using var codec = SKCodec.Create(input);
            if (codec is null)
            {
                return null;
            }

            var size = codec.Info.Size;
            var scale = Math.Min(1f, (float)IThumbnailMaker.MaximumSide / Math.Max(size.Width, size.Height));
            var decodeSize = codec.GetScaledDimensions(scale);
            using var decoded = new SKBitmap(new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
            if (codec.GetPixels(decoded.Info, decoded.GetPixels()) is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            {
                return null;
            }

            var target = new SKSizeI(Math.Max(1, (int)(size.Width * scale)), Math.Max(1, (int)(size.Height * scale)));
            using var resized = decoded.Width == target.Width && decoded.Height == target.Height
                ? decoded.Copy()
                : decoded.Resize(new SKImageInfo(target.Width, target.Height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell));
            using var flattened = new SKBitmap(resized.Width, resized.Height);
            using (var canvas = new SKCanvas(flattened))
            {
                canvas.Clear(SKColors.White); // JPEG has no transparency: show transparent parts as white
                canvas.DrawBitmap(resized, 0, 0);
            }

            using var encoded = flattened.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
            return encoded?.ToArray();
        }
        catch (Exception decoding) when (decoding is not OutOfMemoryException)
        {
            LogUndecodable(logger, image.FileName.Length, decoding);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "No thumbnail: an image (name of {NameLength} characters) could not be decoded")]
    private static partial void LogUndecodable(ILogger logger, int nameLength, Exception exception);
}
