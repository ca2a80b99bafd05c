using Crowdsource.Application.Files;
using Crowdsource.Domain.Auditing;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Licensing;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Crowdsource.Infrastructure.Persistence.Seed;

/// <summary>
/// What the demo challenges beyond the brand's first ones share: made once, in one transaction, published and entered
/// through the real rules, with drawn pictures so the demo needs no image files.
/// </summary>
internal static class DemoChallenges
{
    /// <summary>
    /// Runs <paramref name="seed"/> once: when the demo brand exists and has no challenge titled <paramref name="title"/>.
    /// The file store writes inside the transaction, and the database retries whole transactions.
    /// </summary>
    public static async Task SeedOnceAsync(CrowdsourceDbContext db, string title, Func<Brand, Task> seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var brand = await db.Brands.SingleOrDefaultAsync(candidate => candidate.Slug == DemoBrand.Slug, cancellationToken);
        if (brand is null || await db.Challenges.AnyAsync(challenge => challenge.BrandId == brand.Id && challenge.Title == title, cancellationToken))
        {
            return;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await seed(brand);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    public static Task<string> UserIdAsync(CrowdsourceDbContext db, string email, CancellationToken cancellationToken)
    {
        var normalized = email.ToUpperInvariant();
        return db.Users.Where(user => user.NormalizedEmail == normalized).Select(user => user.Id).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// The owner funds the prizes and an admin confirms, a moderator approves the challenge at <paramref name="publishedAt"/>
    /// and it opens a day later (audited as it would be).
    /// </summary>
    public static void Publish(CrowdsourceDbContext db, Challenge challenge, string ownerId, string adminId, string moderatorId, DateTimeOffset publishedAt)
    {
        challenge.SubmitForReview(publishedAt.AddHours(-2));
        DemoFunding.Fund(db, challenge, ownerId, adminId, publishedAt.AddHours(-1));
        var approval = challenge.Approve(publishedAt);
        Audit(db, moderatorId, challenge, "challenge.approved", $"{approval.From} → {approval.To}", publishedAt);
        foreach (var opened in challenge.AdvanceWithTime(publishedAt.AddDays(1)))
        {
            Audit(db, null, challenge, "challenge.opened", $"{opened.From} → {opened.To}", opened.At);
        }

        db.Challenges.Add(challenge);
    }

    /// <summary>Submissions close at the deadline: judging starts (audited).</summary>
    public static void StartJudging(CrowdsourceDbContext db, Challenge challenge)
    {
        foreach (var judging in challenge.AdvanceWithTime(challenge.SubmissionDeadline!.Value))
        {
            Audit(db, null, challenge, "challenge.judging-started", $"{judging.From} → {judging.To}", judging.At);
        }
    }

    public static void Audit(CrowdsourceDbContext db, string? actor, Challenge challenge, string action, string details, DateTimeOffset at) =>
        db.AuditEvents.Add(AuditEvent.Record(actor, "Challenge", challenge.Id.Value, action, details, at));

    /// <summary>A creative enters with one drawn picture (and its preview), accepting the challenge's licence.</summary>
    public static async Task<Entry> SubmitEntryAsync(
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

    /// <summary>
    /// Gives the challenge a drawn cover (16 by 9), stored and checked like a brand's upload, with the small copy for cards
    /// when <paramref name="thumbnails"/> is given.
    /// </summary>
    public static async Task GiveCoverAsync(IFileStore files, IThumbnailMaker? thumbnails, Challenge challenge, string ownerId, SKColor colour,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(challenge);
        var image = Cover(colour, challenge.Title.Length);
        var upload = new UploadedFile($"{challenge.Slug}-cover.png", image.Length, () => new MemoryStream(image, writable: false));
        var cover = await files.SaveAsync(upload, new FileLimits().Cover, "Cover", ownerId, cancellationToken);
        var small = thumbnails is null ? null : await thumbnails.MakeAsync(upload, ownerId, cancellationToken);
        challenge.ReplaceCover(cover.Id, small?.Id, at);
    }

    /// <summary>Soft shapes and a bar of chocolate on a ground of <paramref name="colour"/>, 1200 by 675, as a PNG.</summary>
    private static byte[] Cover(SKColor colour, int seed)
    {
        using var bitmap = new SKBitmap(1200, 675);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var ground = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(1200, 675),
                    [colour, new SKColor((byte)(colour.Red / 2), (byte)(colour.Green / 2), (byte)(colour.Blue / 2))], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(new SKRect(0, 0, 1200, 675), ground);
            using var light = new SKPaint { Color = SKColors.White.WithAlpha(45), IsAntialias = true };
            for (var i = 0; i < 7; i++)
            {
                canvas.DrawCircle(80 + (i * 170), 80 + ((i * 53 * (seed + 3)) % 520), 50 + ((i * 23) % 70), light);
            }

            using var bar = new SKPaint { Color = new SKColor(0x4A, 0x2C, 0x1D), IsAntialias = true };
            canvas.DrawRoundRect(new SKRoundRect(new SKRect(380, 200, 820, 475), 28), bar);
            using var squares = new SKPaint { Color = new SKColor(0x5E, 0x3A, 0x27), IsAntialias = true };
            for (var row = 0; row < 2; row++)
            {
                for (var column = 0; column < 4; column++)
                {
                    canvas.DrawRoundRect(new SKRoundRect(new SKRect(405 + (column * 103), 225 + (row * 120), 490 + (column * 103), 330 + (row * 120)), 10), squares);
                }
            }

            using var wrapper = new SKPaint { Color = new SKColor(0xFF, 0xF8, 0xE7), IsAntialias = true };
            canvas.DrawRect(new SKRect(640, 192, 830, 483), wrapper);
        }

        using var encoded = SKImage.FromBitmap(bitmap);
        using var data = encoded.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
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
