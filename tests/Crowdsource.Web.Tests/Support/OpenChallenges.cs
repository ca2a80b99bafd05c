using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Crowdsource.Infrastructure.Persistence.Seed;

namespace Crowdsource.Web.Tests.Support;

public static class OpenChallenges
{
    /// <summary>An open challenge of a brand owned by <paramref name="owner"/>, arranged in the database as the domain allows; returns its page.</summary>
    public static async Task<string> CreateAsync(CrowdsourceWebFactory factory, TestAccount owner, int entriesPerCreative = 2, string title = "Name our tea",
        ChallengeCategory category = ChallengeCategory.Naming)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(owner);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var ownerId = await db.Users.Where(user => user.Email == owner.Email).Select(user => user.Id).SingleAsync();
        var licence = await db.LicenceVersions.Select(version => version.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var brand = Brand.Create("Tea Lab", $"q-{Guid.NewGuid():N}"[..20], string.Empty, null, ownerId, now);
        var challenge = Challenge.CreateDraft(brand.Id, title, ownerId, now);
        challenge.Describe(title, "A name for a tea.", "Give our tea a name.", category, [], now);
        challenge.SetPrizeTiers([PrizeTier.Create(1, 1000m, "EUR")], now);
        challenge.SetCriteria([JudgingCriterion.Create("Originality", null, 100)], hasEntries: false, now);
        challenge.ChooseLicence(licence, now);
        challenge.SetAudience(ChallengeVisibility.Public, [], entriesPerCreative, now);
        challenge.SetSchedule(now.AddMinutes(-1), now.AddDays(10), now.AddDays(20), now.AddMinutes(-2));
        challenge.SubmitForReview(now);
        DemoFunding.Fund(db, challenge, ownerId, "test-admin", now);
        challenge.Approve(now);
        challenge.AdvanceWithTime(now);
        db.AddRange(brand, challenge);
        await db.SaveChangesAsync();
        return $"/Challenges/{challenge.Id.Value}";
    }
}
