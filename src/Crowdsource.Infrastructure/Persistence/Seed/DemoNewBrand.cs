using Crowdsource.Application.Files;
using Crowdsource.Domain.Auditing;
using Crowdsource.Domain.Brands;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Infrastructure.Persistence.Seed;

/// <summary>
/// A brand new to the platform next to Choco Lab: its first challenge is open, funded, and nothing else has happened
/// yet, so its fairness record says it has no history (where Choco Lab's shows prizes paid and results on time).
/// Owned by the demo brand account. Made once; later starts leave it alone.
/// </summary>
public static class DemoNewBrand
{
    public const string Slug = "maison-lumiere";

    public static async Task SeedAsync(CrowdsourceDbContext db, IFileStore files, DemoResults.People people, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(clock);
        if (await db.Brands.AnyAsync(brand => brand.Slug == Slug, cancellationToken))
        {
            return;
        }

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
        var owner = await DemoChallenges.UserIdAsync(db, people.Owner, cancellationToken);
        var admin = await DemoChallenges.UserIdAsync(db, people.Admin, cancellationToken);
        var moderator = await DemoChallenges.UserIdAsync(db, people.Moderator, cancellationToken);
        var founded = now.AddDays(-6);
        var brand = Brand.Create("Maison Lumière", Slug, "Beeswax candles poured by hand in the Drôme. New on Crowdsource: our first challenge is open.",
            new Uri("https://maison-lumiere.example"), owner, founded);
        db.Brands.Add(brand);
        db.AuditEvents.Add(AuditEvent.Record(owner, "Brand", brand.Id.Value, "brand.created", brand.Name, founded));

        var label = DemoBrand.Draft(brand, owner, now.AddDays(-5), "A label for our beeswax candles",
            "A label that tells, in a glance, that the candle is poured by hand from local beeswax.",
            "## What we want\nA **label** for our 180 g jar candles: the name *Maison Lumière*, the scent, and a sign that the wax comes from hives "
            + "near the workshop.\n\n## Deliverables\n- the label flat (PDF or PNG)\n- one mock-up on a jar\n\nAnything you do not win with stays yours.",
            Domain.Challenges.ChallengeCategory.Packaging, ["packaging", "label"], [1500m, 500m], LicenceCatalogue.NonExclusiveLicenceV1,
            opens: now.AddDays(-2), deadline: now.AddDays(26), judging: now.AddDays(40));
        label.PromiseFeedback(true, now.AddDays(-5));
        DemoChallenges.Audit(db, owner, label, "challenge.created", label.Title, now.AddDays(-5));
        DemoChallenges.Publish(db, label, owner, admin, moderator, now.AddDays(-3));
        await DemoChallenges.GiveCoverAsync(files, null, label, owner, new SkiaSharp.SKColor(0xA1, 0x62, 0x07), now.AddDays(-3), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
