using Crowdsource.Application.Files;
using Crowdsource.Domain.Files;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Crowdsource.Infrastructure.Files;

/// <summary>
/// Thumbnails with SkiaSharp (MIT), with memory bounded whatever the picture: the store has already refused images
/// over the pixel budget; at most <see cref="FileLimits.ThumbnailConcurrency"/> are made at once (<see cref="ThumbnailGate"/>);
/// JPEG and WebP are decoded already scaled down, PNG and GIF a row at a time into a box-averaged reduction, so no
/// large picture ever becomes a full-size bitmap. Animations give their first frame.
/// </summary>
internal sealed partial class SkiaThumbnailMaker(IFileStore files, ThumbnailGate gate, ILogger<SkiaThumbnailMaker> logger) : IThumbnailMaker
{
    private const int JpegQuality = 82;

    /// <summary>The row-by-row reduction keeps at least twice the thumbnail's size, for the final resampling.</summary>
    private const int ReductionMargin = 2;

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
    /// The first frame, no larger than needed: scaled by the decoder where it can (JPEG, WebP); otherwise, when the
    /// picture is much larger than the thumbnail, a row at a time into a box-averaged reduction.
    /// </summary>
    private static SKBitmap? DecodeReduced(SKCodec codec, float scale)
    {
        var size = codec.Info.Size;
        var scaled = codec.GetScaledDimensions(scale);
        var factor = (int)(1 / (scale * ReductionMargin));
        if (scaled.Width >= size.Width && factor >= 2 && ReduceByRows(codec, factor) is { } reduced)
        {
            return reduced;
        }

        var decoded = new SKBitmap(new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (codec.GetPixels(decoded.Info, decoded.GetPixels(), FirstFrame) is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return decoded;
        }

        decoded.Dispose();
        return null;
    }

    /// <summary>
    /// Decodes row by row and averages each <paramref name="factor"/> × <paramref name="factor"/> block into one pixel:
    /// memory is one source row plus the reduction. Null when the codec cannot decode by rows (then the caller decodes whole).
    /// </summary>
    private static SKBitmap? ReduceByRows(SKCodec codec, int factor)
    {
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var rowInfo = new SKImageInfo(width, 1, SKColorType.Rgba8888, SKAlphaType.Premul);
        if (codec.ScanlineOrder != SKCodecScanlineOrder.TopDown || codec.StartScanlineDecode(rowInfo, FirstFrame) != SKCodecResult.Success)
        {
            return null;
        }

        var (reducedWidth, reducedHeight) = ((width + factor - 1) / factor, (height + factor - 1) / factor);
        var reduced = new SKBitmap(new SKImageInfo(reducedWidth, reducedHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var row = new SKBitmap(rowInfo);
        var sums = new uint[reducedWidth * 4];
        var output = reduced.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            if (codec.GetScanlines(row.GetPixels(), 1, row.RowBytes) != 1)
            {
                row.Erase(SKColors.Transparent); // a truncated image: the rest stays transparent, as browsers show it
            }

            var pixels = row.GetPixelSpan();
            for (var x = 0; x < width; x++)
            {
                var sum = x / factor * 4;
                for (var channel = 0; channel < 4; channel++)
                {
                    sums[sum + channel] += pixels[(x * 4) + channel];
                }
            }

            var rowsInBlock = (y % factor) + 1;
            if (rowsInBlock == factor || y == height - 1)
            {
                var outputRow = output.Slice(y / factor * reduced.RowBytes, reducedWidth * 4);
                for (var column = 0; column < reducedWidth; column++)
                {
                    var count = (uint)(Math.Min(factor, width - (column * factor)) * rowsInBlock);
                    for (var channel = 0; channel < 4; channel++)
                    {
                        outputRow[(column * 4) + channel] = (byte)(sums[(column * 4) + channel] / count);
                    }
                }

                Array.Clear(sums);
            }
        }

        return reduced;
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
