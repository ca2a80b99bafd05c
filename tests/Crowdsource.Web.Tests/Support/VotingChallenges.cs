using Crowdsource.Application.Files;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Crowdsource.Infrastructure.Persistence.Seed;

namespace Crowdsource.Web.Tests.Support;

/// <summary>
/// A challenge in its public vote, arranged in the database as the domain allows with times in the past: it opened a
/// month ago, its deadline passed an hour ago, and its vote closes in five days (People's choice: 300 EUR). Each
/// creative's entry (a picture, with its preview) is approved.
/// </summary>
public static class VotingChallenges
{
    public sealed record Arranged(string VotePage, string ChallengePage, Guid ChallengeId, Guid BrandId, IReadOnlyList<Guid> Entries);

    public static async Task<Arranged> CreateAsync(IServiceProvider services, DateTimeOffset now, TestAccount owner,
        IReadOnlyList<(TestAccount Creative, string Title, string Description, byte[] Png)> entries)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(entries);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<CrowdsourceDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => ArrangeAsync(provider, db, now, owner, entries));
    }

    private static async Task<Arranged> ArrangeAsync(IServiceProvider provider, CrowdsourceDbContext db, DateTimeOffset now, TestAccount owner,
        IReadOnlyList<(TestAccount Creative, string Title, string Description, byte[] Png)> entries)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(); // the file store writes inside it
        var ownerId = await UserIdAsync(db, owner);
        var licence = await db.LicenceVersions.OrderBy(version => version.TemplateKey).FirstAsync();
        var start = now.AddDays(-30);
        var brand = Brand.Create("Tea Lab", $"v-{Guid.NewGuid():N}"[..20], string.Empty, null, ownerId, start);
        var challenge = Challenge.CreateDraft(brand.Id, "Name our tea", ownerId, start);
        challenge.Describe("Name our tea", "A name for a tea.", "Give our tea a name.", ChallengeCategory.Naming, [], start);
        challenge.SetPrizeTiers([PrizeTier.Create(1, 1000m, "EUR")], start);
        challenge.SetCriteria([JudgingCriterion.Create("Originality", null, 60), JudgingCriterion.Create("Fit with the brand", null, 40)], hasEntries: false, start);
        challenge.ChooseLicence(licence.Id, start);
        challenge.SetAudience(ChallengeVisibility.Public, [], 3, start);
        challenge.SetSchedule(start.AddHours(1), now.AddHours(-1), now.AddDays(20), start);
        challenge.SetPublicVote(now.AddDays(5), 300m, hasEntries: false, start);
        challenge.SubmitForReview(start);
        DemoFunding.Fund(db, challenge, ownerId, "test-admin", start);
        challenge.Approve(start);
        challenge.AdvanceWithTime(start.AddHours(2));
        db.AddRange(brand, challenge);

        var store = provider.GetRequiredService<IFileStore>();
        var thumbnails = provider.GetRequiredService<IThumbnailMaker>();
        var policy = provider.GetRequiredService<IOptions<FileLimits>>().Value.EntryFile;
        var ids = new List<Guid>();
        var day = 1;
        foreach (var (creative, title, description, png) in entries)
        {
            var creativeId = await UserIdAsync(db, creative);
            var upload = new UploadedFile("picture.png", png.Length, () => new MemoryStream(png, writable: false));
            var file = await store.SaveAsync(upload, policy, "Files", creativeId, CancellationToken.None);
            var preview = await thumbnails.MakeAsync(upload, creativeId, CancellationToken.None);
            var at = start.AddDays(day++);
            var entry = Entry.Submit(challenge, creativeId, new EntryText(title, description), [file], 5,
                new LicenceConsent(licence, licence.Id, true, true, "203.0.113.7", "web test"), 0, Guid.NewGuid(), at);
            if (preview is not null)
            {
                entry.AttachThumbnail(file.Id, preview.Id);
            }

            entry.Approve(challenge, ownerId, at.AddHours(1));
            db.Entries.Add(entry);
            ids.Add(entry.Id.Value);
        }

        challenge.AdvanceWithTime(now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        var page = $"/Challenges/{challenge.Id.Value}";
        return new Arranged($"{page}/vote", page, challenge.Id.Value, brand.Id.Value, ids);
    }

    /// <summary>Ends the vote now, whatever the domain would allow: a test stands for time passing.</summary>
    public static async Task CloseVoteAsync(IServiceProvider services, Guid challengeId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        await db.Database.ExecuteSqlAsync($"""UPDATE "Challenges" SET "PublicVoteClosesAt" = {at} WHERE "Id" = {challengeId}""");
    }

    private static Task<string> UserIdAsync(CrowdsourceDbContext db, TestAccount account) =>
        db.Users.Where(user => user.Email == account.Email).Select(user => user.Id).SingleAsync();
}
