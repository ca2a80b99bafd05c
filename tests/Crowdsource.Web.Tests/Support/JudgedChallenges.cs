using Crowdsource.Application.Files;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Crowdsource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Crowdsource.Infrastructure.Persistence.Seed;

namespace Crowdsource.Web.Tests.Support;

/// <summary>A challenge in judging (or with its results out), arranged in the database as the domain allows.</summary>
public sealed record JudgedChallenge(Guid ChallengeId, Guid BrandId, string Title, IReadOnlyList<Guid> Entries, Guid? NotApprovedEntry)
{
    public string Board => $"/Moderation/Judging/{ChallengeId}";

    public string Winners => $"/Brands/Challenges/{ChallengeId}/winners";

    public string Results => $"/Challenges/{ChallengeId}/results";

    public string Csv => $"/Challenges/{ChallengeId}/results.csv";

    public string ScoreEntry(int index) => $"/Moderation/Score/{Entries[index]}";
}

public static class JudgedChallenges
{
    private static readonly SKColor[] Palette = [new(0xE6, 0x39, 0x46), new(0x2A, 0x9D, 0x8F), new(0xF4, 0xA2, 0x61), new(0x26, 0x46, 0x53), new(0x8A, 0x5C, 0xF6)];

    /// <summary>
    /// A challenge of a new brand owned by <paramref name="owner"/>, in judging, with one approved image entry per
    /// creative (and one more only submitted), <paramref name="judge"/> on its panel; scored by the judge when asked,
    /// and with the results announced (first entry first prize, second entry second) when asked.
    /// </summary>
    public static async Task<JudgedChallenge> CreateAsync(IServiceProvider services, TestAccount owner, TestAccount judge, IReadOnlyList<TestAccount> creatives,
        bool scored = true, bool announced = false, string title = "Wrap our chocolate")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(creatives);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var thumbnails = scope.ServiceProvider.GetRequiredService<IThumbnailMaker>();
        var emails = creatives.Select(creative => creative.Email).Append(owner!.Email).Append(judge!.Email).ToList();
        var ids = await db.Users.Where(user => emails.Contains(user.Email!)).ToDictionaryAsync(user => user.Email!, user => user.Id);
        var licence = await db.LicenceVersions.OrderBy(version => version.TemplateKey).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        // The file store writes inside a transaction, run as the retrying execution strategy wants.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();

            var brand = Brand.Create("Choco Lab", $"j-{Guid.NewGuid():N}"[..20], string.Empty, null, ids[owner.Email], now);
            var challenge = Challenge.CreateDraft(brand.Id, title, ids[owner.Email], now);
            challenge.Describe(title, "A new wrapper for our bar.", "Make it **recyclable**.", ChallengeCategory.Packaging, [], now);
            challenge.SetPrizeTiers([PrizeTier.Create(1, 5000m, "EUR"), PrizeTier.Create(2, 1500m, "EUR")], now);
            challenge.SetCriteria([JudgingCriterion.Create("Originality", "How new and surprising the idea is.", 60),
                JudgingCriterion.Create("Feasibility", "Can it be printed on our lines at today's cost?", 40)], hasEntries: false, now);
            challenge.ChooseLicence(licence.Id, now);
            challenge.SetAudience(ChallengeVisibility.Public, [], 3, now);
            challenge.SetSchedule(now.AddMinutes(-1), now.AddDays(10), now.AddDays(20), now.AddMinutes(-2));
            challenge.SubmitForReview(now);
            DemoFunding.Fund(db, challenge, ids[owner.Email], "test-admin", now);
            challenge.Approve(now);
            challenge.AdvanceWithTime(now);

            var entries = new List<Entry>();
            for (var i = 0; i <= creatives.Count; i++)
            {
                var author = ids[creatives[Math.Min(i, creatives.Count - 1)].Email];
                var bytes = Poster(i);
                var upload = new UploadedFile($"wrapper-{i + 1}.png", bytes.Length, () => new MemoryStream(bytes, writable: false));
                var stored = await files.SaveAsync(upload, new FileLimits().EntryFile, "Files", author, CancellationToken.None);
                var preview = await thumbnails.MakeAsync(upload, author, CancellationToken.None);
                var entry = Entry.Submit(challenge, author, new EntryText(EntryTitles[i % EntryTitles.Length], "Printed with vegetable inks."), [stored], 5,
                    new LicenceConsent(licence, licence.Id, true, true, "203.0.113.9", "test"), 0, Guid.NewGuid(), now.AddSeconds(i));
                if (preview is not null)
                {
                    entry.AttachThumbnail(stored.Id, preview.Id);
                }

                if (i < creatives.Count)
                {
                    entry.Approve(challenge, ids[judge.Email], now);
                }

                entries.Add(entry);
            }

            challenge.AdvanceWithTime(now.AddDays(11)); // as if the submission deadline had passed
            db.AddRange(brand, challenge);
            db.Entries.AddRange(entries);
            db.ChallengeJudges.Add(ChallengeJudge.Assign(challenge, ids[judge.Email], ConflictOfInterest.None, ids[judge.Email], now));
            var approved = entries.Take(creatives.Count).ToList();
            if (scored)
            {
                db.Scorecards.AddRange(approved.Select((entry, index) => Scorecard.Record(challenge, entry, ids[judge.Email],
                    [new CriterionScore("Originality", 9 - index, index == 0 ? "A wrapper people will keep." : null),
                     new CriterionScore("Feasibility", 7 - index, index == 0 ? "Two inks only: cheap to print." : null)],
                    index == 0 ? "Our favourite: bold and simple." : null, now)));
            }

            if (announced)
            {
                challenge.SelectWinners([.. approved.Take(2).Select((entry, index) => new WinnerPick(index + 1, entry.Id))], approved, ids[owner.Email], now);
                db.Awards.AddRange(challenge.ConfirmWinners(approved, null, ids[judge.Email], now));
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return new JudgedChallenge(challenge.Id.Value, brand.Id.Value, title, [.. approved.Select(entry => entry.Id.Value)], entries[^1].Id.Value);
        });
    }

    private static readonly string[] EntryTitles = ["Paper fold", "Cocoa waves", "Forest print", "Night stripes", "Sun label", "Plain kraft"];

    /// <summary>A 600 × 400 poster of coloured bands, so previews look like real work in screenshots.</summary>
    private static byte[] Poster(int seed)
    {
        using var bitmap = new SKBitmap(600, 400);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(Palette[seed % Palette.Length]);
            using var paint = new SKPaint { Color = Palette[(seed + 2) % Palette.Length], IsAntialias = true };
            canvas.DrawCircle(300, 200, 120 + (seed * 10), paint);
            paint.Color = Palette[(seed + 3) % Palette.Length];
            canvas.DrawRect(0, 320, 600, 80, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 90);
        return png.ToArray();
    }
}

public static class BrandMembers
{
    /// <summary>Puts <paramref name="account"/> in the brand with this role, in the database.</summary>
    public static async Task AddAsync(IServiceProvider services, Guid brandId, TestAccount account, BrandRole role)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(account);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var userId = await db.Users.Where(user => user.Email == account.Email).Select(user => user.Id).SingleAsync();
        var brand = await db.Brands.Include(candidate => candidate.Members).SingleAsync(candidate => candidate.Id == new BrandId(brandId));
        brand.AddMember(userId, role, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}
