using Crowdsource.Application.Files;
using Crowdsource.Domain.Challenges;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Crowdsource.Infrastructure.Persistence.Seed;

/// <summary>
/// A challenge of the demo brand waiting for its judges, reached through the real rules: entries by two demo creatives
/// (two approved by the moderator, one still in the screening queue), submissions closed two days ago, judging open
/// for ten more days, nobody on the panel yet. So the whole judging path can be walked from ./run.sh: screen, join the
/// panel and score, choose the winners as the brand, confirm, pay. Made once; later starts leave it alone.
/// </summary>
public static class DemoJudging
{
    public const string Title = "Name our hazelnut praline";

    public static async Task SeedAsync(CrowdsourceDbContext db, IFileStore files, IThumbnailMaker thumbnails, DemoResults.People people, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(clock);
        await DemoChallenges.SeedOnceAsync(db, Title,
            brand => SeedChallengeAsync(db, files, thumbnails, brand, people, clock.GetUtcNow(), cancellationToken), cancellationToken);
    }

    private static async Task SeedChallengeAsync(CrowdsourceDbContext db, IFileStore files, IThumbnailMaker thumbnails, Domain.Brands.Brand brand,
        DemoResults.People people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Task<string> IdOf(string email) => DemoChallenges.UserIdAsync(db, email, cancellationToken);

        var (owner, chloe, camille, moderator, admin) = (await IdOf(people.Owner), await IdOf(people.Creative), await IdOf(people.SecondCreative),
            await IdOf(people.Moderator), await IdOf(people.Admin));
        var licence = await db.LicenceVersions.SingleAsync(version => version.Id == LicenceCatalogue.ExclusiveAssignmentV1, cancellationToken);

        var published = now.AddDays(-21);
        var challenge = DemoBrand.Draft(brand, owner, published.AddDays(-1), Title,
            "A name and a one-line story for our new hazelnut praline bar.",
            "## What we want\nA **name** for a hazelnut praline bar sold in France and Belgium, with a one-line story for the wrapper.\n\n## Deliverables\n- the name, the line, and a sketch of the name on the wrapper (PNG or PDF)",
            ChallengeCategory.Naming, ["naming", "praline"], [2000m, 500m], licence.Id,
            opens: published.AddDays(1), deadline: now.AddDays(-2), judging: now.AddDays(10));
        DemoChallenges.Publish(db, challenge, owner, admin, moderator, published);
        await DemoChallenges.GiveCoverAsync(files, thumbnails, challenge, owner, new SKColor(0x7C, 0x3A, 0xED), published, cancellationToken);
        var golden = await DemoChallenges.SubmitEntryAsync(db, files, thumbnails, challenge, licence, chloe, "Noisette d'or",
            "A golden hazelnut: 'Roasted in the Piedmont sun, wrapped in gold.'", new SKColor(0xC9, 0x8B, 0x2B), 4, published.AddDays(4), cancellationToken);
        var moon = await DemoChallenges.SubmitEntryAsync(db, files, thumbnails, challenge, licence, camille, "Praline moon",
            "A crescent of praline: 'For the sweet half of the night.'", new SKColor(0x26, 0x46, 0x53), 9, published.AddDays(9), cancellationToken);
        await DemoChallenges.SubmitEntryAsync(db, files, thumbnails, challenge, licence, camille, "Hazel & cocoa",
            "Two friends on the wrapper: 'Better together since 1806.'", new SKColor(0x8A, 0x5C, 0xF6), 15, published.AddDays(15), cancellationToken);
        golden.Approve(challenge, moderator, published.AddDays(5));
        moon.Approve(challenge, moderator, published.AddDays(10));

        DemoChallenges.StartJudging(db, challenge);

        await db.SaveChangesAsync(cancellationToken);
    }
}
