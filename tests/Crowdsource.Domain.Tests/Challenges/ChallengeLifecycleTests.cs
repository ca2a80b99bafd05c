using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using static Crowdsource.Domain.Tests.Challenges.ChallengeBuilder;

namespace Crowdsource.Domain.Tests.Challenges;

public sealed class ChallengeLifecycleTests
{
    [Fact]
    public void A_new_draft_lists_everything_it_still_needs()
    {
        var draft = Challenge.CreateDraft(new Crowdsource.Domain.Brands.BrandId(Guid.NewGuid()), "Untitled idea", "brand-user", Now);

        Assert.Equal(ChallengeStatus.Draft, draft.Status);
        Assert.Equal(
            [PublishCheck.Summary, PublishCheck.Brief, PublishCheck.Category, PublishCheck.Prizes, PublishCheck.Criteria, PublishCheck.Licence, PublishCheck.Schedule],
            draft.PublishChecks(Now));
    }

    [Fact]
    public void A_complete_draft_has_nothing_left_to_check()
    {
        Assert.Empty(CompleteDraft().PublishChecks(Now));
    }

    [Fact]
    public void Criteria_whose_weights_do_not_add_up_to_100_keep_the_draft_incomplete()
    {
        var draft = CompleteDraft();
        draft.SetCriteria([JudgingCriterion.Create("Originality", null, 50), JudgingCriterion.Create("Feasibility", null, 30)], false, Now);

        Assert.Equal([PublishCheck.Criteria], draft.PublishChecks(Now));
    }

    [Fact]
    public void Dates_out_of_order_or_a_deadline_within_a_day_keep_the_draft_incomplete()
    {
        var draft = CompleteDraft();

        draft.SetSchedule(Now.AddDays(5), Now.AddDays(3), Now.AddDays(10), Now);
        Assert.Equal([PublishCheck.Schedule], draft.PublishChecks(Now));

        draft.SetSchedule(Now, Now.AddHours(20), Now.AddDays(10), Now);
        Assert.Equal([PublishCheck.Schedule], draft.PublishChecks(Now));
    }

    [Fact]
    public void An_invite_only_challenge_needs_at_least_one_invited_creative()
    {
        var draft = CompleteDraft();
        draft.SetAudience(ChallengeVisibility.InviteOnly, [], 2, Now);
        Assert.Equal([PublishCheck.Invitations], draft.PublishChecks(Now));

        draft.SetAudience(ChallengeVisibility.InviteOnly, [" Chloe@Example.com ", "chloe@example.com"], 2, Now);
        Assert.Empty(draft.PublishChecks(Now));
        Assert.Equal(["chloe@example.com"], draft.InvitedEmails);
        Assert.True(draft.IsInvited("CHLOE@example.com"));
        Assert.False(draft.IsInvited("someone@example.com"));
    }

    [Fact]
    public void An_incomplete_draft_cannot_go_to_review()
    {
        var draft = CompleteDraft();
        draft.SetPrizeTiers([], Now);

        Assert.Equal("challenge.incomplete", Assert.Throws<DomainRuleException>(() => draft.SubmitForReview(Now)).Code);
        Assert.Equal(ChallengeStatus.Draft, draft.Status);
    }

    [Fact]
    public void Approval_schedules_a_challenge_that_opens_later()
    {
        var challenge = CompleteDraft(opensAt: Now.AddDays(2));
        challenge.SubmitForReview(Now);

        challenge.FundPrizes(Now.AddHours(1));
        var transition = challenge.Approve(Now.AddHours(1));

        Assert.Equal(ChallengeStatus.Scheduled, challenge.Status);
        Assert.Equal(new ChallengeTransition(ChallengeStatus.InReview, ChallengeStatus.Scheduled, Now.AddHours(1)), transition);
        Assert.Equal(Now.AddHours(1), challenge.PublishedAt);
    }

    [Fact]
    public void Approval_opens_at_once_a_challenge_whose_opening_has_come()
    {
        var challenge = CompleteDraft(opensAt: Now);
        challenge.SubmitForReview(Now);

        challenge.FundPrizes(Now.AddHours(1));
        challenge.Approve(Now.AddHours(1));

        Assert.Equal(ChallengeStatus.Open, challenge.Status);
        Assert.True(challenge.AcceptsEntries(Now.AddHours(1)));
    }

    [Fact]
    public void Approval_is_refused_when_the_deadline_came_too_close_while_in_review()
    {
        var challenge = CompleteDraft();
        challenge.SubmitForReview(Now);

        var error = Assert.Throws<DomainRuleException>(() => challenge.Approve(Now.AddDays(20.5)));

        Assert.Equal("challenge.schedule-stale", error.Code);
        Assert.Equal(ChallengeStatus.InReview, challenge.Status);
    }

    [Fact]
    public void A_rejection_returns_the_challenge_to_the_brand_with_the_reason()
    {
        var challenge = CompleteDraft();
        challenge.SubmitForReview(Now);

        challenge.Reject("The brief promises rights the licence does not grant.", Now);

        Assert.Equal(ChallengeStatus.Draft, challenge.Status);
        Assert.Equal("The brief promises rights the licence does not grant.", challenge.RejectionReason);

        challenge.SubmitForReview(Now);
        challenge.FundPrizes(Now);
        challenge.Approve(Now);
        Assert.Null(challenge.RejectionReason);
    }

    [Fact]
    public void A_rejection_needs_a_real_reason()
    {
        var challenge = CompleteDraft();
        challenge.SubmitForReview(Now);

        Assert.Equal("challenge.reason-required", Assert.Throws<DomainRuleException>(() => challenge.Reject("no", Now)).Code);
    }

    [Fact]
    public void Only_a_moderator_path_publishes_a_draft_never_skipping_review()
    {
        var draft = CompleteDraft();

        Assert.Throws<DomainRuleException>(() => draft.Approve(Now));
        Assert.Equal(ChallengeStatus.Draft, draft.Status);
    }

    [Fact]
    public void Time_opens_a_scheduled_challenge_then_moves_it_to_judging_at_the_deadline()
    {
        var challenge = Published(opensAt: Now.AddDays(2));

        Assert.Empty(challenge.AdvanceWithTime(Now.AddDays(2).AddTicks(-1)));
        Assert.Equal(ChallengeStatus.Scheduled, challenge.Status);

        var opened = Assert.Single(challenge.AdvanceWithTime(Now.AddDays(2)));
        Assert.Equal(ChallengeStatus.Open, opened.To);

        Assert.Empty(challenge.AdvanceWithTime(Now.AddDays(21).AddTicks(-1)));
        var judging = Assert.Single(challenge.AdvanceWithTime(Now.AddDays(21)));
        Assert.Equal(new ChallengeTransition(ChallengeStatus.Open, ChallengeStatus.Judging, Now.AddDays(21)), judging);
        Assert.False(challenge.AcceptsEntries(Now.AddDays(21)));
    }

    [Fact]
    public void A_job_that_runs_late_makes_both_transitions_with_their_true_times()
    {
        var challenge = Published(opensAt: Now.AddDays(2));

        var transitions = challenge.AdvanceWithTime(Now.AddDays(30));

        Assert.Equal([ChallengeStatus.Open, ChallengeStatus.Judging], transitions.Select(transition => transition.To));
        Assert.Equal([Now.AddDays(2), Now.AddDays(21)], transitions.Select(transition => transition.At));
    }

    [Fact]
    public void Entries_are_accepted_only_between_opening_and_deadline()
    {
        var challenge = Published(opensAt: Now);

        Assert.True(challenge.AcceptsEntries(Now.AddDays(21).AddTicks(-1)));
        Assert.False(challenge.AcceptsEntries(Now.AddDays(21)));
    }

    [Fact]
    public void A_moderator_cancels_an_open_challenge_with_a_reason_but_not_one_in_judging()
    {
        var open = Published(opensAt: Now);
        open.Cancel("The brand withdrew its product from the market.", hasEntries: false, Now.AddDays(1));
        Assert.Equal(ChallengeStatus.Cancelled, open.Status);
        Assert.Equal("The brand withdrew its product from the market.", open.CancellationReason);

        var judging = Published(opensAt: Now);
        judging.AdvanceWithTime(Now.AddDays(22));
        Assert.Throws<DomainRuleException>(() => judging.Cancel("Too late to cancel this one.", hasEntries: false, Now.AddDays(22)));
    }

    [Fact]
    public void A_cancelled_challenge_does_not_move_with_time()
    {
        var challenge = Published(opensAt: Now);
        challenge.Cancel("Cancelled for a good reason.", hasEntries: false, Now);

        Assert.Empty(challenge.AdvanceWithTime(Now.AddDays(40)));
        Assert.Equal(ChallengeStatus.Cancelled, challenge.Status);
    }
}
