using Crowdsource.Application.Challenges;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Infrastructure.Persistence.Seed;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Support;

internal static class Challenges
{
    public static EditChallenge.Command CompleteEdit(ChallengeId id, uint version, Guid licence, DateTimeOffset now, DateTimeOffset? opensAt = null) => new(
        id, version, "Reinvent the wrapper", "A new wrapper for our bar.", "## Brief\nMake it **recyclable**.",
        ChallengeCategory.Packaging, "packaging, chocolate", "EUR", [5000m, 1500m, null],
        [new("Originality", "How new it is", 60), new("Feasibility", null, 40), new(null, null, null)],
        licence, ChallengeVisibility.Public, null, 3, opensAt ?? now.AddDays(2), now.AddDays(21), now.AddDays(35));

    public static Task<Challenge> LoadAsync(this ApplicationFixture fixture, ChallengeId id) =>
        fixture.DbAsync(db => db.Challenges.AsNoTracking().SingleAsync(challenge => challenge.Id == id));

    public static Task<Guid> AnyLicenceAsync(this ApplicationFixture fixture) =>
        fixture.DbAsync(db => db.LicenceVersions.OrderBy(version => version.TemplateKey).Select(version => version.Id).FirstAsync());

    /// <summary>A complete draft of a new brand, ready to go to review.</summary>
    public static async Task<(ChallengeId Challenge, BrandId Brand, Actor Owner)> CompleteDraftAsync(this ApplicationFixture fixture, DateTimeOffset? opensAt = null)
    {
        var (brand, owner) = await fixture.BrandWithOwnerAsync();
        var id = await fixture.SendAsync(sender => sender.Send(new CreateChallengeDraft.Command(brand, "Untitled")), owner);
        var draft = await fixture.LoadAsync(id);
        var licence = await fixture.AnyLicenceAsync();
        await fixture.SendAsync(sender => sender.Send(CompleteEdit(id, draft.Version, licence, fixture.Clock.GetUtcNow(), opensAt)), owner);
        return (id, brand, owner);
    }

    /// <summary>
    /// The prize pool funded as the demo funds it (a transfer recorded by the owner, confirmed, one ledger line), without
    /// the notifications the use cases send: what approval needs, arranged. PrizeFundingTests go through the use cases.
    /// </summary>
    public static Task FundAsync(this ApplicationFixture fixture, ChallengeId id, Actor owner) => fixture.DbAsync(async db =>
    {
        var challenge = await db.Challenges.SingleAsync(candidate => candidate.Id == id);
        DemoFunding.Fund(db, challenge, owner.UserId, "test-admin", fixture.Clock.GetUtcNow());
        return await db.SaveChangesAsync();
    });

    public static async Task<(ChallengeId Challenge, BrandId Brand, Actor Owner)> PublishedAsync(this ApplicationFixture fixture, Actor moderator, DateTimeOffset? opensAt = null)
    {
        var draft = await fixture.CompleteDraftAsync(opensAt);
        await fixture.SendAsync(sender => sender.Send(new SubmitChallengeForReview.Command(draft.Challenge)), draft.Owner);
        await fixture.FundAsync(draft.Challenge, draft.Owner);
        await fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(draft.Challenge)), moderator);
        return draft;
    }

    /// <summary>A published challenge that is open now (three entries per creative), with its brand owner and licence.</summary>
    public static async Task<(ChallengeId Challenge, Actor Owner, Guid Licence)> OpenAsync(this ApplicationFixture fixture)
    {
        var moderator = await fixture.ConfirmedAsync(Domain.Accounts.Roles.Moderator);
        var (id, _, owner) = await fixture.PublishedAsync(moderator, opensAt: fixture.Clock.GetUtcNow().AddMinutes(1));
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.SendAsync(sender => sender.Send(new AdvanceChallengesWithTime.Command()));
        return (id, owner, (await fixture.LoadAsync(id)).LicenceVersionId!.Value);
    }

    /// <summary>A public (or invite-only) challenge published now, open until <paramref name="deadlineDays"/> from now.</summary>
    public static async Task<ChallengeId> PublishListedAsync(this ApplicationFixture fixture, Actor moderator, string title, string summary, decimal firstPrize = 5000m,
        ChallengeCategory category = ChallengeCategory.Packaging, string? invited = null, int deadlineDays = 21)
    {
        var draft = await fixture.CompleteDraftAsync();
        var challenge = await fixture.LoadAsync(draft.Challenge);
        var now = fixture.Clock.GetUtcNow();
        var edit = CompleteEdit(draft.Challenge, challenge.Version, challenge.LicenceVersionId!.Value, now) with
        {
            Title = title,
            Summary = summary,
            Category = category,
            PrizeAmounts = [firstPrize],
            Visibility = invited is null ? ChallengeVisibility.Public : ChallengeVisibility.InviteOnly,
            InvitedEmails = invited,
            OpensAt = now,
            Deadline = now.AddDays(deadlineDays),
            JudgingDeadline = now.AddDays(deadlineDays + 14),
        };
        await fixture.SendAsync(sender => sender.Send(edit), draft.Owner);
        await fixture.SendAsync(sender => sender.Send(new SubmitChallengeForReview.Command(draft.Challenge)), draft.Owner);
        await fixture.FundAsync(draft.Challenge, draft.Owner);
        await fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(draft.Challenge)), moderator);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        return draft.Challenge;
    }
}
