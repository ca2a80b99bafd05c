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
        var carousel = await EnterAsync(camille, "Egg carousel", "The lid turns: six eggs ride a little carousel.", new SKColor(0xE7, 0x6F, 0x51), 10);

        DemoChallenges.StartJudging(db, challenge);

        // No one chose by the judging deadline: the ranking decides (no scores here, so the earliest entries win).
        var decided = challenge.JudgingDeadline!.Value.AddMinutes(1);
        var awards = challenge.AwardByRanking([], [nest, theatre, puzzle, carousel], null, decided);
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

        var licences = await db.LicenceVersions.ToListAsync(cancellationToken);
        SeedOffers(db, challenge, awards, licences, (owner, chloe, admin), carousel, puzzle, decided, now);

        foreach (var person in new[] { chloe, camille })
        {
            db.Notifications.Add(Notification.To(person, NotificationKind.ResultsAnnounced, challenge.Title, $"/Challenges/{challenge.Id.Value}", decided));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Offers on the entries that did not win, made through the domain: the brand bought the rights of Camille's
    /// "Egg carousel" (accepted, paid by the brand, grant written, a ledger line outside the pool), and made an offer on
    /// Chloé's "Puzzle box" yesterday that the demo creative can still accept or decline.
    /// </summary>
    private static void SeedOffers(CrowdsourceDbContext db, Challenge challenge, IReadOnlyList<Domain.Judging.Award> awards,
        IReadOnlyList<Domain.Licensing.LicenceVersion> licences, (string Owner, string Chloe, string Admin) people, Entry sold, Entry open,
        DateTimeOffset decided, DateTimeOffset now)
    {
        var licence = licences.Single(version => version.Id == challenge.LicenceVersionId);
        var made = decided.AddDays(5);
        var bought = Domain.Offers.EntryOffer.Make(challenge, sold, awards, [], people.Owner, 600m,
            "We loved the carousel lid and would like to use it for our autumn box.", licence, made);
        bought.Accept(sold.CreativeUserId, licence, licence.Id, true, null, "demo", made.AddDays(2));
        var paidAt = made.AddDays(4);
        db.LicenceGrants.Add(bought.MarkPaid(challenge, sold, people.Admin, "SEPA-DEMO-OFFER-1", paidAt));
        db.EntryOffers.Add(bought);
        db.LedgerEntries.Add(Domain.Funding.LedgerEntry.OfferPaid(challenge, bought, people.Admin, paidAt));
        DemoChallenges.Audit(db, people.Owner, challenge, "offer.made", $"offer {bought.Id}, 600 EUR, entry {sold.Id.Value}", made);
        DemoChallenges.Audit(db, sold.CreativeUserId, challenge, "offer.accepted", $"offer {bought.Id}", made.AddDays(2));
        DemoChallenges.Audit(db, people.Admin, challenge, "offer.paid", $"offer {bought.Id}, SEPA-DEMO-OFFER-1", paidAt);
        db.Notifications.Add(Notification.To(sold.CreativeUserId, NotificationKind.OfferPaid, sold.Title, $"/Entries/{sold.Id.Value}", paidAt));

        var offeredAt = now.AddDays(-1);
        var pending = Domain.Offers.EntryOffer.Make(challenge, open, awards, [], people.Owner, 450m,
            "Your meadow puzzle would make a lovely Easter gift box for next year. Would you sell us the rights?", licence, offeredAt);
        db.EntryOffers.Add(pending);
        DemoChallenges.Audit(db, people.Owner, challenge, "offer.made", $"offer {pending.Id}, 450 EUR, entry {open.Id.Value}", offeredAt);
        db.Notifications.Add(Notification.To(people.Chloe, NotificationKind.OfferReceived, open.Title, $"/Entries/{open.Id.Value}", offeredAt));
    }
}
