using Crowdsource.Application.Files;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Licensing;
using SkiaSharp;

namespace Crowdsource.Infrastructure.Persistence.Seed;

/// <summary>A demo entry sent through the real rules, with a drawn picture and its preview, so the demo needs no image files.</summary>
internal static class DemoEntry
{
    public static async Task<Entry> SubmitAsync(
        CrowdsourceDbContext db, IFileStore files, IThumbnailMaker thumbnails, Challenge challenge, LicenceVersion licence, string creative,
        string title, string description, SKColor colour, int seed, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var limits = new FileLimits();
        var image = Picture(colour, seed);
        var upload = new UploadedFile($"{Domain.Common.Slug.From(title)}.png", image.Length, () => new MemoryStream(image, writable: false));
        var file = await files.SaveAsync(upload, limits.EntryFile, "Files", creative, cancellationToken);
        var preview = await thumbnails.MakeAsync(upload, creative, cancellationToken);
        var entry = Entry.Submit(challenge, creative, new EntryText(title, description), [file], limits.FilesPerEntry,
            new LicenceConsent(licence, licence.Id, AcceptedLicence: true, DeclaredOriginal: true, null, "demo data"), 0, Guid.NewGuid(), at);
        if (preview is not null)
        {
            entry.AttachThumbnail(file.Id, preview.Id);
        }

        db.Entries.Add(entry);
        return entry;
    }

    /// <summary>An egg-like shape on a coloured ground, as a PNG.</summary>
    private static byte[] Picture(SKColor colour, int seed)
    {
        using var bitmap = new SKBitmap(800, 600);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(colour);
            using var light = new SKPaint { Color = SKColors.White.WithAlpha(70), IsAntialias = true };
            for (var i = 0; i < 6; i++)
            {
                canvas.DrawCircle(90 + (i * 130), 90 + ((i * 37 * seed) % 420), 40 + (i * 7 % 30), light);
            }

            using var egg = new SKPaint { Color = new SKColor(0xFF, 0xF8, 0xE7), IsAntialias = true };
            canvas.DrawOval(new SKRect(290, 130, 510, 470), egg);
            using var band = new SKPaint { Color = colour.WithAlpha(200), IsAntialias = true, StrokeWidth = 18, Style = SKPaintStyle.Stroke };
            canvas.DrawLine(300, 300, 500, 300, band);
        }

        using var encoded = SKImage.FromBitmap(bitmap);
        using var data = encoded.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
