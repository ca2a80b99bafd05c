using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Support;

/// <summary>A complete challenge sent for review whose prizes (1,200 + 300 EUR) nobody funded yet, and its brand.</summary>
public sealed record ChallengeInReview(Guid ChallengeId, Guid BrandId, string Title)
{
    public const decimal Pool = 1500m;

    public string Funding => $"/Challenges/Edit/{ChallengeId}/funding";
}

public static class ChallengesInReview
{
    /// <summary>
    /// A new brand owned by <paramref name="owner"/> (with <paramref name="editor"/> as an Editor when given) and its
    /// challenge in review, opening in an hour, arranged in the database as the domain allows; not funded.
    /// </summary>
    public static async Task<ChallengeInReview> CreateAsync(CrowdsourceWebFactory factory, TestAccount owner, string title, TestAccount? editor = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(owner);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var emails = new[] { owner.Email, editor?.Email ?? owner.Email };
        var ids = await db.Users.Where(user => emails.Contains(user.Email!)).ToDictionaryAsync(user => user.Email!, user => user.Id);
        var licence = await db.LicenceVersions.Select(version => version.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var brand = Brand.Create("Verre Vivant", $"v-{Guid.NewGuid():N}"[..20], "Glassware made to last.", null, ids[owner.Email], now);
        if (editor is not null)
        {
            brand.AddMember(ids[editor.Email], BrandRole.Editor, now);
        }

        var challenge = Challenge.CreateDraft(brand.Id, title, ids[owner.Email], now);
        challenge.Describe(title, "A bottle people keep on the table.", "Design a **refillable** bottle.", ChallengeCategory.Packaging, [], now);
        challenge.SetPrizeTiers([PrizeTier.Create(1, 1200m, "EUR"), PrizeTier.Create(2, 300m, "EUR")], now);
        challenge.SetCriteria([JudgingCriterion.Create("Originality", null, 100)], hasEntries: false, now);
        challenge.ChooseLicence(licence, now);
        challenge.SetAudience(ChallengeVisibility.Public, [], 2, now);
        challenge.SetSchedule(now.AddHours(1), now.AddDays(10), now.AddDays(20), now);
        challenge.SubmitForReview(now);
        db.AddRange(brand, challenge);
        await db.SaveChangesAsync();
        return new ChallengeInReview(challenge.Id.Value, brand.Id.Value, title);
    }
}
