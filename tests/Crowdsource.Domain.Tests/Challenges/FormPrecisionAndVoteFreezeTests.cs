using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Tests.Challenges;

/// <summary>
/// The public vote is fixed from the first entry, and the challenge form, which gives times to the minute, can save an
/// open challenge whose stored times carry seconds.
/// </summary>
public sealed class FormPrecisionAndVoteFreezeTests
{
    private static readonly DateTimeOffset Now = ChallengeBuilder.Now;

    /// <summary>Open, with times stored to the second (as the demo data and the clock store them).</summary>
    private static Challenge OpenWithSeconds()
    {
        var challenge = ChallengeBuilder.CompleteDraft(opensAt: Now.AddHours(1).AddSeconds(37));
        challenge.SetSchedule(Now.AddHours(1).AddSeconds(37), Now.AddDays(21).AddSeconds(12), Now.AddDays(35).AddSeconds(48), Now);
        challenge.SubmitForReview(Now);
        challenge.FundPrizes(Now);
        challenge.Approve(Now);
        challenge.AdvanceWithTime(Now.AddHours(2));
        Assert.Equal(ChallengeStatus.Open, challenge.Status);
        return challenge;
    }

    private static DateTimeOffset ToTheMinute(DateTimeOffset moment) => new(moment.Ticks - (moment.Ticks % TimeSpan.TicksPerMinute), moment.Offset);

    [Fact]
    public void An_open_challenge_saved_from_the_form_with_its_times_to_the_minute_keeps_its_schedule()
    {
        var challenge = OpenWithSeconds();
        var (opens, deadline, judging) = (challenge.SubmissionOpensAt!.Value, challenge.SubmissionDeadline!.Value, challenge.JudgingDeadline!.Value);

        challenge.SetSchedule(ToTheMinute(opens), ToTheMinute(deadline), ToTheMinute(judging), Now.AddHours(3));

        Assert.Equal((opens, deadline, judging), (challenge.SubmissionOpensAt!.Value, challenge.SubmissionDeadline!.Value, challenge.JudgingDeadline!.Value));
    }

    [Fact]
    public void An_open_challenge_s_opening_still_cannot_move_by_a_minute_or_more()
    {
        var challenge = OpenWithSeconds();

        Assert.Equal("challenge.opening-fixed", Assert.Throws<DomainRuleException>(() => challenge.SetSchedule(
            ToTheMinute(challenge.SubmissionOpensAt!.Value).AddMinutes(1), challenge.SubmissionDeadline, challenge.JudgingDeadline, Now.AddHours(3))).Code);
    }

    [Fact]
    public void The_public_vote_cannot_be_added_once_the_challenge_has_entries()
    {
        var challenge = OpenWithSeconds();

        var refused = Assert.Throws<DomainRuleException>(() => challenge.SetPublicVote(Now.AddDays(28), null, hasEntries: true, Now.AddHours(3)));

        Assert.Equal("challenge.vote-frozen", refused.Code);
        Assert.Null(challenge.PublicVoteClosesAt);
    }

    [Fact]
    public void The_public_vote_cannot_be_changed_once_the_challenge_has_entries_but_saving_it_unchanged_is_fine()
    {
        var challenge = OpenWithSeconds();
        var closes = Now.AddDays(28).AddSeconds(20);
        challenge.SetPublicVote(closes, 300m, hasEntries: false, Now.AddHours(3));

        Assert.Equal("challenge.vote-frozen", Assert.Throws<DomainRuleException>(() => challenge.SetPublicVote(closes.AddDays(1), 300m, hasEntries: true, Now.AddHours(4))).Code);
        Assert.Equal("challenge.vote-frozen", Assert.Throws<DomainRuleException>(() => challenge.SetPublicVote(closes, 400m, hasEntries: true, Now.AddHours(4))).Code);
        challenge.SetPublicVote(ToTheMinute(closes), 300m, hasEntries: true, Now.AddHours(4));
        Assert.Equal((closes, 300m), (challenge.PublicVoteClosesAt!.Value, challenge.PeoplesChoicePrize!.Value));
    }
}
