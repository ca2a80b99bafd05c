using Crowdsource.Application.Files;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Crowdsource.Infrastructure.Persistence.Seed;

namespace Crowdsource.Web.Tests.Support;

/// <summary>
/// A challenge whose results are out, arranged in the database as the domain allows, with the dates in the past: an
/// image entry by <c>winner</c> (first prize), one by <c>other</c> (no prize), results a day after the judging deadline,
/// optionally the first prize paid three days after it (with its ledger line).
/// </summary>
public static class FinishedChallenges
{
    public sealed record Finished(Guid ChallengeId, Guid WinningEntryId, Guid OtherEntryId, Guid AwardId, Guid? RunnerUpRewardId = null);

    public static async Task<Finished> CreateAsync(IServiceProvider services, TestAccount owner, TestAccount winner, TestAccount other, bool paid,
        string title = "Design our tea tin", decimal? runnerUpPool = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(winner);
        ArgumentNullException.ThrowIfNull(other);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var thumbnails = scope.ServiceProvider.GetRequiredService<IThumbnailMaker>();
        async Task<string> IdOf(TestAccount account) => await db.Users.Where(user => user.Email == account.Email).Select(user => user.Id).SingleAsync();
        var (ownerId, winnerId, otherId) = (await IdOf(owner), await IdOf(winner), await IdOf(other));
        var licence = await db.LicenceVersions.OrderBy(version => version.TemplateKey).FirstAsync();
        var start = DateTimeOffset.UtcNow.AddDays(-60);

        // The file store writes inside a transaction, and the site's database connection retries whole transactions.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var brand = Brand.Create("Tea Lab", $"t-{Guid.NewGuid():N}"[..20], string.Empty, null, ownerId, start);
            var challenge = Challenge.CreateDraft(brand.Id, title, ownerId, start);
            challenge.Describe(title, "A tin for our loose tea.", "Design the tin.", ChallengeCategory.Packaging, [], start);
            challenge.SetPrizeTiers([PrizeTier.Create(1, 2500m, "EUR")], start);
            challenge.SetCriteria([JudgingCriterion.Create("Originality", null, 100)], hasEntries: false, start);
            challenge.ChooseLicence(licence.Id, start);
            challenge.SetAudience(ChallengeVisibility.Public, [], 2, start);
            challenge.SetSchedule(start.AddDays(1), start.AddDays(20), start.AddDays(30), start);
            if (runnerUpPool is { } pool)
            {
                challenge.SetRunnerUpPool(pool, RunnerUpRule.TopOfRanking, 1, start); // the entry that wins nothing shares it
            }

            challenge.SubmitForReview(start);
            DemoFunding.Fund(db, challenge, ownerId, "test-admin", start);
            challenge.Approve(start);
            challenge.AdvanceWithTime(start.AddDays(1));
            db.AddRange(brand, challenge);

            var limits = new FileLimits();
            async Task<Entry> EnterAsync(string creativeId, string entryTitle, int seed, int day)
            {
                var png = TestFiles.Png(240, 180, seed);
                var upload = new UploadedFile($"{entryTitle.Replace(' ', '-')}.png", png.Length, () => new MemoryStream(png, writable: false));
                var file = await files.SaveAsync(upload, limits.EntryFile, "Files", creativeId, CancellationToken.None);
                var preview = await thumbnails.MakeAsync(upload, creativeId, CancellationToken.None);
                var entry = Entry.Submit(challenge, creativeId, new EntryText(entryTitle, "A tin."), [file], limits.FilesPerEntry,
                    new LicenceConsent(licence, licence.Id, true, true, null, "test"), 0, Guid.NewGuid(), start.AddDays(day));
                if (preview is not null)
                {
                    entry.AttachThumbnail(file.Id, preview.Id);
                }

                entry.Approve(challenge, ownerId == creativeId ? winnerId : ownerId, start.AddDays(day + 1)); // any account id will do
                db.Entries.Add(entry);
                return entry;
            }

            var first = await EnterAsync(winnerId, "Tin of clouds", 71, 2);
            var second = await EnterAsync(otherId, "Tin of waves", 72, 3);
            challenge.AdvanceWithTime(start.AddDays(20));
            var award = challenge.AwardByRanking([], [first, second], null, start.AddDays(31)).Single();
            db.Awards.Add(award);
            var runnerUp = challenge.DecideRunnerUpRewards([], [first, second], [award], start.AddDays(31)).SingleOrDefault();
            if (runnerUp is not null)
            {
                db.RunnerUpRewards.Add(runnerUp);
            }
            if (paid)
            {
                db.LicenceGrants.Add(award.MarkPaid(challenge, first, ownerId, "SEPA-WEB-1", start.AddDays(33)));
                db.LedgerEntries.Add(Domain.Funding.LedgerEntry.PrizePaid(challenge, award, "test-admin", start.AddDays(33)));
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return new Finished(challenge.Id.Value, first.Id.Value, second.Id.Value, award.Id, runnerUp?.Id);
        });
    }
}
