using Crowdsource.Application.Accounts;
using Crowdsource.Application.Files;
using Crowdsource.Domain.Auditing;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Infrastructure.Persistence.Seed;

/// <summary>
/// A verified demo brand, with its logo, and challenges at every stage the platform has so far (draft, in review,
/// upcoming, open, closing soon, judging), a file for creatives and questions on a brief, so a newcomer sees a
/// lively site. Made once; later starts leave it alone.
/// </summary>
public static class DemoBrand
{
    public const string Slug = "choco-lab";

    public static async Task SeedAsync(CrowdsourceDbContext db, IFileStore files, DemoResults.People people, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (await db.Brands.AnyAsync(brand => brand.Slug == Slug, cancellationToken))
        {
            return;
        }

        // The file store writes inside a transaction, and the database retries whole transactions.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SeedBrandAsync(db, files, people, clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private static async Task SeedBrandAsync(CrowdsourceDbContext db, IFileStore files, DemoResults.People people, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var owner = await UserAsync(db, people.Owner, cancellationToken);
        var creative = await UserAsync(db, people.Creative, cancellationToken);
        var admin = await UserAsync(db, people.Admin, cancellationToken);
        var founded = now.AddDays(-40);
        var brand = Brand.Create("Choco Lab", Slug, "Chocolate makers since 1921. We ask creatives to imagine what comes next, and we pay for what we use.",
            new Uri("https://choco-lab.example"), owner.Id, founded);
        brand.Verify(founded);
        var limits = new FileLimits();
        var logo = await files.SaveAsync(Resource("choco-lab-logo.png"), limits.Logo, "Logo", owner.Id, cancellationToken);
        brand.ReplaceLogo(logo.Id);
        db.Brands.Add(brand);

        var exclusive = LicenceCatalogue.ExclusiveAssignmentV1;
        var nonExclusive = LicenceCatalogue.NonExclusiveLicenceV1;
        var keeps = LicenceCatalogue.CreativeKeepsRightsV1;

        var wrapper = Add(db, brand, owner.Id, admin.Id, now, "Reinvent our chocolate bar's wrapper",
            "A recyclable wrapper that still says 'treat' on the shelf.",
            "## What we want\nA wrapper for our classic bar that is **fully recyclable** and still feels like a treat.\n\n## Deliverables\n- front and back of the wrapper (PDF or PNG)\n- one photo or mock-up on a shelf\n\n## What we will not use\nAnything you do not win with stays yours.",
            ChallengeCategory.Packaging, ["packaging", "recycling"], [7500m, 1500m, 500m], exclusive,
            opens: now.AddDays(-5), deadline: now.AddDays(21), judging: now.AddDays(35), publishedAt: now.AddDays(-6), runnerUpPool: 500m);
        var guidelines = await files.SaveAsync(Resource("choco-lab-guidelines.pdf"), limits.BrandAsset, "File", owner.Id, cancellationToken);
        wrapper.AddAsset(guidelines, limits.BrandAssetsPerChallenge, now.AddDays(-6));
        var answered = ChallengeQuestion.Ask(wrapper, creative.Id, "Can the wrapper combine two materials, say paper and a compostable film?", now.AddDays(-3));
        answered.Reply("Yes, as long as a person can separate them by hand and each goes into household recycling.", keepPrivate: false, owner.Id, now.AddDays(-2));
        db.ChallengeQuestions.Add(answered);
        db.ChallengeQuestions.Add(ChallengeQuestion.Ask(wrapper, creative.Id, "Should the mock-up show the whole shelf or only our bar?", now.AddHours(-5)));
        db.ChallengeFollowers.Add(ChallengeFollower.Of(wrapper.Id, creative.Id, now.AddDays(-3)));
        await DemoChallenges.GiveCoverAsync(files, null, wrapper, owner.Id, new SkiaSharp.SKColor(0xB4, 0x53, 0x09), now.AddDays(-6), cancellationToken);
        var oatDrink = Add(db, brand, owner.Id, admin.Id, now, "Name our new oat drink",
            "A name and a one-line promise for an oat and cocoa drink.",
            "Our new drink mixes **oats and cocoa**. Give it a name that works in French and in English, and a one-line promise.",
            ChallengeCategory.Naming, ["naming", "drink"], [2000m], nonExclusive,
            opens: now.AddDays(-12), deadline: now.AddDays(2), judging: now.AddDays(12), publishedAt: now.AddDays(-13));
        await DemoChallenges.GiveCoverAsync(files, null, oatDrink, owner.Id, new SkiaSharp.SKColor(0x0F, 0x76, 0x6E), now.AddDays(-13), cancellationToken);
        var spring = Add(db, brand, owner.Id, admin.Id, now, "Illustrate our spring campaign",
            "Three illustrations of spring picnics with chocolate.",
            "Three illustrations for posters and social media: *spring, picnics, friends*. Any style.",
            ChallengeCategory.Illustration, ["illustration", "spring"], [3000m, 1000m], nonExclusive,
            opens: now.AddDays(5), deadline: now.AddDays(30), judging: now.AddDays(45), publishedAt: now.AddDays(-1));
        await DemoChallenges.GiveCoverAsync(files, null, spring, owner.Id, new SkiaSharp.SKColor(0xBE, 0x18, 0x5D), now.AddDays(-1), cancellationToken);
        var film = Add(db, brand, owner.Id, admin.Id, now, "A 30-second film for our recycled packaging",
            "Show in 30 seconds what happens to our wrapper after the bar is eaten.",
            "A **30-second** film for social media about the second life of our wrappers.",
            ChallengeCategory.Video, ["video", "recycling"], [5000m], keeps,
            opens: now.AddDays(-30), deadline: now.AddDays(-2), judging: now.AddDays(12), publishedAt: now.AddDays(-31));
        await DemoChallenges.GiveCoverAsync(files, null, film, owner.Id, new SkiaSharp.SKColor(0x1D, 0x4E, 0xD8), now.AddDays(-31), cancellationToken);

        var inReview = Draft(brand, owner.Id, now, "Limited edition gift box",
            "A gift box for the end-of-year holidays.", "A box for **twelve** chocolates, to give as a present.",
            ChallengeCategory.Packaging, ["gift"], [4000m], exclusive, now.AddDays(3), now.AddDays(28), now.AddDays(40));
        inReview.SubmitForReview(now.AddHours(-3));
        DemoFunding.RecordTransfer(db, inReview, owner.Id, now.AddHours(-2)); // waits on the admins' funding desk
        RecordAuthoring(db, inReview, owner.Id, now.AddHours(-3));
        db.Challenges.Add(inReview);
        var draft = Challenge.CreateDraft(brand.Id, "Summer flavour vote", owner.Id, now.AddDays(-1));
        db.AuditEvents.Add(AuditEvent.Record(owner.Id, "Challenge", draft.Id.Value, "challenge.created", draft.Title, now.AddDays(-1)));
        db.Challenges.Add(draft);

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<CrowdsourceUser> UserAsync(CrowdsourceDbContext db, string email, CancellationToken cancellationToken)
    {
        var normalizedEmail = email.ToUpperInvariant();
        return await db.Users.SingleAsync(user => user.NormalizedEmail == normalizedEmail, cancellationToken);
    }

    private static UploadedFile Resource(string name)
    {
        var assembly = typeof(DemoBrand).Assembly;
        using var probe = assembly.GetManifestResourceStream($"Seed.{name}") ?? throw new InvalidOperationException($"Missing seed file {name}.");
        return new UploadedFile(name, probe.Length, () => assembly.GetManifestResourceStream($"Seed.{name}")!);
    }

    private static Challenge Add(CrowdsourceDbContext db, Brand brand, string ownerId, string adminId, DateTimeOffset now, string title, string summary, string brief,
        ChallengeCategory category, string[] tags, decimal[] prizes, Guid licence, DateTimeOffset opens, DateTimeOffset deadline, DateTimeOffset judging,
        DateTimeOffset publishedAt, decimal? runnerUpPool = null)
    {
        var challenge = Draft(brand, ownerId, publishedAt, title, summary, brief, category, tags, prizes, licence, opens, deadline, judging);
        if (runnerUpPool is { } pool)
        {
            challenge.SetRunnerUpPool(pool, RunnerUpRule.ShortlistedEntries, 5, publishedAt);
        }

        challenge.SubmitForReview(publishedAt);
        DemoFunding.Fund(db, challenge, ownerId, adminId, publishedAt);
        var approval = challenge.Approve(publishedAt);
        RecordAuthoring(db, challenge, ownerId, publishedAt.AddHours(-2));
        db.AuditEvents.Add(AuditEvent.Record(null, "Challenge", challenge.Id.Value, "challenge.approved", $"{approval.From} → {approval.To}", publishedAt));
        foreach (var transition in challenge.AdvanceWithTime(now))
        {
            db.AuditEvents.Add(AuditEvent.Record(null, "Challenge", challenge.Id.Value,
                transition.To == ChallengeStatus.Open ? "challenge.opened" : "challenge.judging-started", $"{transition.From} → {transition.To}", transition.At));
        }

        db.Challenges.Add(challenge);
        return challenge;
    }

    private static void RecordAuthoring(CrowdsourceDbContext db, Challenge challenge, string ownerId, DateTimeOffset submittedAt)
    {
        db.AuditEvents.Add(AuditEvent.Record(ownerId, "Challenge", challenge.Id.Value, "challenge.created", challenge.Title, submittedAt.AddDays(-1)));
        db.AuditEvents.Add(AuditEvent.Record(ownerId, "Challenge", challenge.Id.Value, "challenge.submitted", "Draft → InReview", submittedAt));
    }

    internal static Challenge Draft(Brand brand, string ownerId, DateTimeOffset at, string title, string summary, string brief,
        ChallengeCategory category, string[] tags, decimal[] prizes, Guid licence, DateTimeOffset opens, DateTimeOffset deadline, DateTimeOffset judging)
    {
        var challenge = Challenge.CreateDraft(brand.Id, title, ownerId, at);
        challenge.Describe(title, summary, brief, category, tags, at);
        challenge.SetPrizeTiers([.. prizes.Select((amount, index) => PrizeTier.Create(index + 1, amount, "EUR"))], at);
        challenge.SetCriteria([JudgingCriterion.Create("Originality", "Have we seen this before?", 40),
            JudgingCriterion.Create("Fit with the brief", "Does it answer what we asked?", 35),
            JudgingCriterion.Create("Feasibility", "Can we make it?", 25)], hasEntries: false, at);
        challenge.ChooseLicence(licence, at);
        challenge.SetAudience(ChallengeVisibility.Public, [], 3, at);
        challenge.SetSchedule(opens, deadline, judging, at);
        return challenge;
    }
}
