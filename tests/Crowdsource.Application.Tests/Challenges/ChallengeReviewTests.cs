using Crowdsource.Application.Brands;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Challenges;

public sealed class ChallengeReviewTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task<(ChallengeId Challenge, Actor Owner)> InReviewAsync(DateTimeOffset? opensAt = null)
    {
        var (id, _, owner) = await fixture.CompleteDraftAsync(opensAt);
        await fixture.SendAsync(sender => sender.Send(new SubmitChallengeForReview.Command(id)), owner);
        await fixture.SendAsync(sender => sender.Send(new SubmitChallengeForReview.Command(id)), owner);
        await fixture.FundAsync(id, owner);
        return (id, owner);
    }

    [Fact]
    public async Task A_moderator_approves_and_the_challenge_is_scheduled_with_an_audit_line()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var (id, _) = await InReviewAsync();

        await fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(id)), moderator);
        await fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(id)), moderator);

        Assert.Equal(ChallengeStatus.Scheduled, (await fixture.LoadAsync(id)).Status);
        var audit = await fixture.DbAsync(db => db.AuditEvents.Where(row => row.SubjectId == id.Value && row.Action == "challenge.approved").ToListAsync());
        Assert.Equal(moderator.UserId, Assert.Single(audit).ActorUserId);
    }

    [Fact]
    public async Task The_brand_cannot_approve_its_own_challenge()
    {
        var (id, owner) = await InReviewAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(id)), owner));

        Assert.Equal(ChallengeStatus.InReview, (await fixture.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task A_moderator_who_belongs_to_the_brand_cannot_review_its_challenge()
    {
        var (id, brand, owner) = await fixture.CompleteDraftAsync();
        await fixture.SendAsync(sender => sender.Send(new SubmitChallengeForReview.Command(id)), owner);
        var insider = await fixture.ConfirmedAsync(Roles.Moderator);
        var email = await fixture.DbAsync(db => db.Users.Where(user => user.Id == insider.UserId).Select(user => user.Email!).SingleAsync());
        await fixture.SendAsync(sender => sender.Send(new InviteBrandMember.Command(brand, email, BrandRole.Editor)), owner);
        var token = TestSiteLinks.TokenIn((await fixture.EmailsToAsync(email)).Single(sent => sent.Subject.StartsWith("Join", StringComparison.Ordinal)).TextBody);
        await fixture.SendAsync(sender => sender.Send(new AcceptBrandInvitation.Command(token)), insider);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(id)), insider));
    }

    [Fact]
    public async Task A_rejection_sends_the_draft_back_with_the_reason_for_the_brand()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var (id, owner) = await InReviewAsync();

        await fixture.SendAsync(sender => sender.Send(new RejectChallenge.Command(id, "The brief asks for rights the licence does not grant.")), moderator);

        var brand = (await fixture.LoadAsync(id)).BrandId;
        var workspace = await fixture.SendAsync(sender => sender.Send(new GetBrandWorkspace.Query(brand)), owner);
        var row = Assert.Single(workspace.Challenges);
        Assert.Equal(ChallengeStatus.Draft, row.Status);
        Assert.Equal("The brief asks for rights the licence does not grant.", row.RejectionReason);
    }

    [Fact]
    public async Task A_rejection_without_a_real_reason_is_refused_on_its_field()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var (id, _) = await InReviewAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new RejectChallenge.Command(id, "no")), moderator));

        Assert.Equal(["Reason"], error.Errors.Keys);
    }

    [Fact]
    public async Task A_creative_cannot_moderate()
    {
        var creative = await fixture.ConfirmedAsync();
        var (id, _) = await InReviewAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new CancelChallenge.Command(id, "I do not like this challenge.")), creative));
    }

    [Fact]
    public async Task A_moderator_cancels_an_open_challenge_with_a_reason()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var (id, _) = await InReviewAsync(opensAt: fixture.Clock.GetUtcNow());
        await fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(id)), moderator);
        Assert.Equal(ChallengeStatus.Open, (await fixture.LoadAsync(id)).Status);

        await fixture.SendAsync(sender => sender.Send(new CancelChallenge.Command(id, "The product was withdrawn from sale.")), moderator);

        var cancelled = await fixture.LoadAsync(id);
        Assert.Equal(ChallengeStatus.Cancelled, cancelled.Status);
        Assert.Equal("The product was withdrawn from sale.", cancelled.CancellationReason);
    }
}
