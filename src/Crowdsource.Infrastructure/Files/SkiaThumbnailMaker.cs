using Crowdsource.Application.Files;
using Crowdsource.Domain.Files;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Crowdsource.Infrastructure.Files;

/// <summary>
/// Thumbnails with SkiaSharp (MIT), with memory bounded whatever the picture: the store has already refused images
/// over the pixel budget, so no decode is larger than the budget; at most <see cref="FileLimits.ThumbnailConcurrency"/> are
/// made at once (<see cref="ThumbnailGate"/>); JPEG and WebP are decoded already scaled down. Animations give their first frame.
/// </summary>
internal sealed partial class SkiaThumbnailMaker(IFileStore files, ThumbnailGate gate, ILogger<SkiaThumbnailMaker> logger) : IThumbnailMaker
{
    private const int JpegQuality = 82;

    private static readonly SKCodecOptions FirstFrame = new(0);

    /// <summary>A thumbnail is at most <see cref="IThumbnailMaker.MaximumSide"/> pixels on each side.</summary>
    private static readonly PixelBudget ThumbnailBudget = new((long)IThumbnailMaker.MaximumSide * IThumbnailMaker.MaximumSide, IThumbnailMaker.MaximumSide);

    public async Task<StoredFile?> MakeAsync(UploadedFile image, string? uploadedByUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        byte[]? jpeg;
        await gate.WaitAsync(cancellationToken);
        try
        {
            jpeg = Render(image);
        }
        finally
        {
            gate.Release();
        }

        if (jpeg is null)
        {
            return null;
        }

        var name = Path.GetFileNameWithoutExtension(image.FileName) + "-thumbnail.jpg";
        return await files.SaveAsync(new UploadedFile(name, jpeg.Length, () => new MemoryStream(jpeg, writable: false)),
            new FilePolicy([FileKind.Jpeg], jpeg.Length, ThumbnailBudget), "Files", uploadedByUserId, cancellationToken);
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
            using var decoded = DecodeReduced(codec, scale);
            if (decoded is null)
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

    /// <summary>
    /// The first frame, scaled by the decoder where it can (JPEG by 1/2, 1/4 or 1/8, WebP to any size). This SkiaSharp
    /// build decodes PNG and GIF only whole (row-by-row decoding is unimplemented for them): that costs at most the pixel
    /// budget × 4 bytes (the budget counts 16-bit and interlaced PNGs double for the whole-picture buffer their decoding
    /// adds), for at most <see cref="FileLimits.ThumbnailConcurrency"/> pictures at once.
    /// </summary>
    private static SKBitmap? DecodeReduced(SKCodec codec, float scale)
    {
        var scaled = codec.GetScaledDimensions(scale);
        var decoded = new SKBitmap(new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (codec.GetPixels(decoded.Info, decoded.GetPixels(), FirstFrame) is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return decoded;
        }

        decoded.Dispose();
        return null;
    }

    [LoggerMessage(LogLevel.Warning, "No thumbnail: an image (name of {NameLength} characters) could not be decoded")]
    private static partial void LogUndecodable(ILogger logger, int nameLength, Exception exception);
}

/// <summary>How many thumbnails the process makes at once (<see cref="FileLimits.ThumbnailConcurrency"/>): a singleton.</summary>
internal sealed class ThumbnailGate(IOptions<FileLimits> limits) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, limits.Value.ThumbnailConcurrency));

    public Task WaitAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
