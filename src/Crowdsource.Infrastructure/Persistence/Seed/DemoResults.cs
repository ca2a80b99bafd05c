using Crowdsource.Application.Files;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Crowdsource.Infrastructure.Persistence.Seed;

/// <summary>
/// A finished challenge of the demo brand, reached through the real rules: entries by two demo creatives, approved by
/// the moderator, judging at the deadline, prizes awarded by the ranking at the judging deadline, both prizes paid by
/// the admin (licence grants written), the challenge completed. So the winners gallery, the portfolios, the admin's
/// awards page and a grant download have something to show. Made once; later starts leave it alone.
/// </summary>
public static class DemoResults
{
    public const string Title = "Design our Easter egg box";

    /// <summary>The demo accounts' e-mail addresses.</summary>
    public sealed record People(string Owner, string Creative, string SecondCreative, string Moderator, string Admin);

    public static async Task SeedAsync(CrowdsourceDbContext db, IFileStore files, IThumbnailMaker thumbnails, People people, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(clock);
        await DemoChallenges.SeedOnceAsync(db, Title,
            brand => SeedChallengeAsync(db, files, thumbnails, brand, people, clock.GetUtcNow(), cancellationToken), cancellationToken);
    }

    private static async Task SeedChallengeAsync(CrowdsourceDbContext db, IFileStore files, IThumbnailMaker thumbnails, Domain.Brands.Brand brand,
        People people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Task<string> IdOf(string email) => DemoChallenges.UserIdAsync(db, email, cancellationToken);

        var (owner, chloe, camille, moderator, admin) =
            (await IdOf(people.Owner), await IdOf(people.Creative), await IdOf(people.SecondCreative), await IdOf(people.Moderator), await IdOf(people.Admin));
        var licence = await db.LicenceVersions.SingleAsync(version => version.Id == LicenceCatalogue.NonExclusiveLicenceV1, cancellationToken);

        var published = now.AddDays(-75);
        var challenge = DemoBrand.Draft(brand, owner, published.AddDays(-1), Title,
            "A box for six chocolate eggs that children want to keep after Easter.",
            "## What we want\nA **box for six eggs** that becomes a toy or a keepsake once the eggs are eaten.\n\n## Deliverables\n- the flat die-cut and one mock-up (PNG or PDF)",
            ChallengeCategory.Packaging, ["packaging", "easter"], [3000m, 1000m], licence.Id,
            opens: published.AddDays(1), deadline: published.AddDays(25), judging: published.AddDays(40));
        // Every entry is paid for: the one that wins no prize shares the runner-up pool (funded with the prizes).
        challenge.SetRunnerUpPool(300m, RunnerUpRule.TopOfRanking, 1, published.AddDays(-1));
        DemoChallenges.Publish(db, challenge, owner, admin, moderator, published);
        await DemoChallenges.GiveCoverAsync(files, thumbnails, challenge, owner, new SKColor(0x15, 0x80, 0x3D), published, cancellationToken);
        async Task<Entry> EnterAsync(string creative, string title, string description, SKColor colour, int day)
        {
            var at = published.AddDays(day);
            var entry = await DemoChallenges.SubmitEntryAsync(db, files, thumbnails, challenge, licence, creative, title, description, colour, day, at, cancellationToken);
            entry.Approve(challenge, moderator, at.AddDays(1));
            return entry;
        }

        var nest = await EnterAsync(chloe, "The nest box", "The box unfolds into a bird's nest for the garden.", new SKColor(0xF4, 0xA2, 0x61), 3);
        var theatre = await EnterAsync(camille, "Egg theatre", "Six eggs on a little stage; the lid becomes the curtain.", new SKColor(0x2A, 0x9D, 0x8F), 5);
        var puzzle = await EnterAsync(chloe, "Puzzle box", "The box is a six-piece puzzle of a spring meadow.", new SKColor(0x6D, 0x59, 0x7A), 8);

        DemoChallenges.StartJudging(db, challenge);

        // No one chose by the judging deadline: the ranking decides (no scores here, so the earliest entries win).
        var decided = challenge.JudgingDeadline!.Value.AddMinutes(1);
        var awards = challenge.AwardByRanking([], [nest, theatre, puzzle], null, decided);
        db.Awards.AddRange(awards);
        var runnerUps = challenge.DecideRunnerUpRewards([], [nest, theatre, puzzle], awards, decided);
        db.RunnerUpRewards.AddRange(runnerUps);
        DemoChallenges.Audit(db, null, challenge, "challenge.results-announced", "Judging → WinnersAnnounced", decided);
        puzzle.ShowOnPortfolio(challenge, true, decided.AddDays(1));

        var entries = new[] { nest, theatre, puzzle };
        foreach (var reward in runnerUps)
        {
            // Paid two days after the decision, before the prizes, so the challenge completes with the last prize.
            var paidAt = decided.AddDays(2);
            var entry = entries.Single(candidate => candidate.Id == reward.EntryId);
            reward.MarkPaid(challenge, entry, licence, admin, "SEPA-DEMO-RU-0001", paidAt);
            db.LedgerEntries.Add(LedgerEntry.RunnerUpPaid(challenge, reward, admin, paidAt));
            DemoChallenges.Audit(db, admin, challenge, "runner-up.paid", $"entry {entry.Id.Value}, {reward.Amount} {reward.Currency}", paidAt);
            db.Notifications.Add(Notification.To(entry.CreativeUserId, NotificationKind.RunnerUpRewardPaid, entry.Title, $"/Entries/{entry.Id.Value}", paidAt));
        }

        foreach (var award in awards)
        {
            var paidAt = decided.AddDays(3 + award.Rank);
            var entry = entries.Single(candidate => candidate.Id == award.EntryId);
            db.LicenceGrants.Add(award.MarkPaid(challenge, entry, admin, $"SEPA-DEMO-{award.Rank:0000}", paidAt));
            DemoFunding.PrizePaid(db, challenge, award, admin, paidAt);
            DemoChallenges.Audit(db, admin, challenge, "award.paid", $"rank {award.Rank}, entry {entry.Id.Value}, {award.Amount} {award.Currency}", paidAt);
            if (challenge.CompleteIfAllPaid(awards, runnerUps, paidAt))
            {
                DemoChallenges.Audit(db, admin, challenge, "challenge.completed", "WinnersAnnounced → Completed", paidAt);
            }

            foreach (var person in new[] { entry.CreativeUserId, owner })
            {
                db.Notifications.Add(Notification.To(person, NotificationKind.AwardPaid, entry.Title, $"/Entries/{entry.Id.Value}", paidAt));
            }
        }

        foreach (var person in new[] { chloe, camille })
        {
            db.Notifications.Add(Notification.To(person, NotificationKind.ResultsAnnounced, challenge.Title, $"/Challenges/{challenge.Id.Value}", decided));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
