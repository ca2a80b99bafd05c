using Crowdsource.Domain.Common;
using static Crowdsource.Domain.Tests.Challenges.ChallengeBuilder;

namespace Crowdsource.Domain.Tests.Challenges;

/// <summary>The brand's promise of feedback during the contest: free in a draft, only kept or made once published.</summary>
public sealed class FeedbackPromiseTests
{
    [Fact]
    public void A_draft_may_promise_feedback_and_change_its_mind_and_a_copy_keeps_the_promise()
    {
        var draft = CompleteDraft();

        draft.PromiseFeedback(true, Now);
        Assert.True(draft.CopyAsDraft("someone", Now).GivesFeedbackDuringContest);
        draft.PromiseFeedback(false, Now);

        Assert.False(draft.GivesFeedbackDuringContest);
    }

    [Fact]
    public void A_published_challenge_may_make_the_promise_but_never_take_it_back()
    {
        var challenge = Published();

        challenge.PromiseFeedback(true, Now.AddDays(3));
        var error = Assert.Throws<DomainRuleException>(() => challenge.PromiseFeedback(false, Now.AddDays(4)));

        Assert.Equal("challenge.feedback-promise-kept", error.Code);
        Assert.True(challenge.GivesFeedbackDuringContest);
    }
}
