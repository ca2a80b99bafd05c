using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;

namespace Crowdsource.Domain.Tests.Challenges;

/// <summary>Challenges in a known state for the tests, with time passed in.</summary>
internal static class ChallengeBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly Guid Licence = Guid.Parse("0197a000-0000-7000-8000-00000000aaaa");

    public static Challenge CompleteDraft(DateTimeOffset? opensAt = null)
    {
        var challenge = Challenge.CreateDraft(new BrandId(Guid.NewGuid()), "Reinvent the wrapper", "brand-user", Now);
        challenge.Describe("Reinvent the wrapper", "A new wrapper for our bar.", "## Brief\nMake it **recyclable**.",
            ChallengeCategory.Packaging, ["packaging", "chocolate"], Now);
        challenge.SetPrizeTiers([PrizeTier.Create(1, 5000m, "EUR"), PrizeTier.Create(2, 1500m, "EUR")], Now);
        challenge.SetCriteria([JudgingCriterion.Create("Originality", "How new it is", 60), JudgingCriterion.Create("Feasibility", null, 40)], hasEntries: false, Now);
        challenge.ChooseLicence(Licence, Now);
        challenge.SetAudience(ChallengeVisibility.Public, [], 3, Now);
        challenge.SetSchedule(opensAt ?? Now.AddDays(2), Now.AddDays(21), Now.AddDays(35), Now);
        return challenge;
    }

    public static Challenge Published(DateTimeOffset? opensAt = null)
    {
        var challenge = CompleteDraft(opensAt);
        challenge.SubmitForReview(Now);
        challenge.FundPrizes(Now);
        challenge.Approve(Now);
        return challenge;
    }

    /// <summary>The brand transfers the whole pool and an admin confirms it: what a moderator needs before publishing.</summary>
    public static void FundPrizes(this Challenge challenge, DateTimeOffset at) =>
        challenge.ConfirmPrizeTransfer(challenge.RecordPrizeTransfer("SEPA-TEST-FUNDS", "brand-user", at), "admin-user", at);
}
