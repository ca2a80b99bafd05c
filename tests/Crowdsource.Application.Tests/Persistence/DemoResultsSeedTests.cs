using Crowdsource.Application.Brands;
using Crowdsource.Application.Administration;
using Crowdsource.Application.Awards;
using Crowdsource.Application.Files;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Infrastructure.Persistence.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Application.Tests.Persistence;

/// <summary>
/// The demo data's finished challenge and its challenge waiting for judges: reached through the domain's rules, and
/// made once however often the app starts.
/// </summary>
public sealed class DemoResultsSeedTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private static readonly DemoResults.People People = new(
        "brand@demo.test", "creative@demo.test", "camille@demo.test", "moderator@demo.test", "admin@demo.test");

    private Task SeedAsync() => fixture.InScopeAsync(async provider =>
    {
        var db = provider.GetRequiredService<CrowdsourceDbContext>();
        var files = provider.GetRequiredService<IFileStore>();
        await DemoBrand.SeedAsync(db, files, People, fixture.Clock);
        await DemoResults.SeedAsync(db, files, provider.GetRequiredService<IThumbnailMaker>(), People, fixture.Clock);
        await DemoJudging.SeedAsync(db, files, provider.GetRequiredService<IThumbnailMaker>(), People, fixture.Clock);
        await DemoNewBrand.SeedAsync(db, files, People, fixture.Clock);
    });

    [Fact]
    public async Task The_demo_has_a_completed_challenge_with_paid_awards_a_paid_and_a_pending_offer_and_grants_and_a_challenge_to_judge_once()
    {
        foreach (var (email, role) in new[] { (People.Owner, Roles.BrandMember), (People.Creative, Roles.Creative),
            (People.SecondCreative, Roles.Creative), (People.Moderator, Roles.Moderator), (People.Admin, Roles.Admin) })
        {
            await fixture.SendAsync(sender => sender.Send(new EnsureAccount.Command(email, "Demo Person", Support.Accounts.GoodPassword, [role])));
        }

        await SeedAsync();
        await SeedAsync();

        var challenge = await fixture.DbAsync(db => db.Challenges.AsNoTracking().SingleAsync(candidate => candidate.Title == DemoResults.Title));
        Assert.Equal(ChallengeStatus.Completed, challenge.Status);
        Assert.Equal(4, await fixture.DbAsync(db => db.Entries.CountAsync(entry => entry.ChallengeId == challenge.Id)));
        // Two prizes paid, and one offer on an entry that did not win, accepted and paid: three grants.
        Assert.Equal(3, await fixture.DbAsync(db => db.LicenceGrants.CountAsync(grant => grant.ChallengeId == challenge.Id)));
        var offers = await fixture.DbAsync(db => db.EntryOffers.AsNoTracking().Where(offer => offer.ChallengeId == challenge.Id).ToListAsync());
        Assert.Equal([(Domain.Offers.OfferStatus.Pending, false), (Domain.Offers.OfferStatus.Accepted, true)],
            offers.Select(offer => (offer.StatusAt(fixture.Clock.GetUtcNow()), offer.IsPaid)).Order());
        Assert.Equal(1, await fixture.DbAsync(db => db.LedgerEntries.CountAsync(line => line.ChallengeId == challenge.Id && line.Movement == Domain.Funding.LedgerMovement.OfferPaid)));
        var gallery = await fixture.SendAsync(sender => sender.Send(new ListWinners.Query()));
        Assert.Equal(2, gallery.Winners.Count(card => card.ChallengeId == challenge.Id.Value)); // offers are not wins
        Assert.All(gallery.Winners, card => Assert.True(card.Preview?.HasThumbnail));

        // The judging demo: in judging, two approved entries to score, one still waiting in the screening queue.
        var judging = await fixture.DbAsync(db => db.Challenges.AsNoTracking().SingleAsync(candidate => candidate.Title == DemoJudging.Title));
        Assert.Equal(ChallengeStatus.Judging, judging.Status);
        var statuses = await fixture.DbAsync(db => db.Entries.Where(entry => entry.ChallengeId == judging.Id).Select(entry => entry.Status).ToListAsync());
        Assert.Equal([EntryStatus.Submitted, EntryStatus.Approved, EntryStatus.Approved], statuses.Order());

        // Fairness records: Choco Lab has a history (prizes funded and paid, results on time); the new brand has none yet.
        var chocoLab = await fixture.SendAsync(sender => sender.Send(new BrandFairnessRecord.Query(challenge.BrandId)));
        Assert.True(chocoLab.HasHistory);
        Assert.Equal((3, 1m), (chocoLab.PaymentsMade, chocoLab.OnTimeShare)); // two prizes and a runner-up reward
        Assert.Equal((2, 1), (chocoLab.OffersMade, chocoLab.OffersPaid));
        Assert.Equal(1, await fixture.DbAsync(db => db.Brands.CountAsync(brand => brand.Slug == DemoNewBrand.Slug)));
        var newBrand = await fixture.DbAsync(db => db.Brands.AsNoTracking().SingleAsync(brand => brand.Slug == DemoNewBrand.Slug));
        var newRecord = await fixture.SendAsync(sender => sender.Send(new BrandFairnessRecord.Query(newBrand.Id)));
        Assert.Equal((1, 0, 0), (newRecord.ChallengesRun, newRecord.ResultsDue, newRecord.PaymentsMade));
        Assert.False(newRecord.HasHistory);
    }
}
