using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Challenges;

public sealed class ChallengeQuestionTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task<(ChallengeId Challenge, Actor Owner)> PublishedAsync()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var (id, _, owner) = await fixture.PublishedAsync(moderator);
        return (id, owner);
    }

    private Task<IReadOnlyList<ListChallengeQuestions.Row>> QuestionsAsync(ChallengeId id, Actor? viewer) =>
        fixture.SendAsync(sender => sender.Send(new ListChallengeQuestions.Query(id)), viewer);

    [Fact]
    public async Task A_public_answer_is_read_by_everyone_without_the_asker_s_name()
    {
        var (id, owner) = await PublishedAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var question = await fixture.SendAsync(sender => sender.Send(new AskQuestion.Command(id, "  May we use the brand's colours?  ")), chloe);

        Assert.Empty(await QuestionsAsync(id, null)); // unanswered: only its author and the brand see it
        Assert.Equal("May we use the brand's colours?", Assert.Single(await QuestionsAsync(id, chloe)).Text);

        await fixture.SendAsync(sender => sender.Send(new AnswerQuestion.Command(id, question, "Yes, any of them.", KeepPrivate: false)), owner);

        var anonymous = Assert.Single(await QuestionsAsync(id, null));
        Assert.Equal(("Yes, any of them.", null, false), (anonymous.Answer, anonymous.AskedBy, anonymous.AskedByViewer));
        var brandView = Assert.Single(await QuestionsAsync(id, owner));
        Assert.NotNull(brandView.AskedBy);
        Assert.True(Assert.Single(await QuestionsAsync(id, chloe)).AskedByViewer);
    }

    [Fact]
    public async Task A_private_answer_is_read_only_by_the_asker_and_the_brand()
    {
        var (id, owner) = await PublishedAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var other = await fixture.ConfirmedAsync(Roles.Creative);
        var question = await fixture.SendAsync(sender => sender.Send(new AskQuestion.Command(id, "Can I submit my old logo?")), chloe);

        await fixture.SendAsync(sender => sender.Send(new AnswerQuestion.Command(id, question, "Write to us about it.", KeepPrivate: true)), owner);

        Assert.Empty(await QuestionsAsync(id, other));
        Assert.Empty(await QuestionsAsync(id, null));
        Assert.True(Assert.Single(await QuestionsAsync(id, chloe)).IsPrivate);
        Assert.Single(await QuestionsAsync(id, owner));
        Assert.Contains("challenge.question-answered",
            await fixture.DbAsync(db => db.AuditEvents.Where(entry => entry.SubjectId == id.Value).Select(entry => entry.Action).ToListAsync()));
    }

    [Fact]
    public async Task Only_the_brand_answers_and_the_brand_does_not_ask()
    {
        var (id, owner) = await PublishedAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var question = await fixture.SendAsync(sender => sender.Send(new AskQuestion.Command(id, "Is video accepted?")), chloe);

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AnswerQuestion.Command(id, question, "Yes!", false)), chloe));
        var asking = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AskQuestion.Command(id, "Who are we?")), owner));

        Assert.Equal("question.asked-by-brand", asking.Code);
        Assert.Null(Assert.Single(await QuestionsAsync(id, owner)).Answer);
    }

    [Fact]
    public async Task An_answer_to_a_question_of_another_challenge_is_refused()
    {
        var (first, _) = await PublishedAsync();
        var (second, secondOwner) = await PublishedAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var question = await fixture.SendAsync(sender => sender.Send(new AskQuestion.Command(first, "A question for the first brand")), chloe);

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AnswerQuestion.Command(second, question, "Answered by a stranger", false)), secondOwner));

        Assert.Null(Assert.Single(await QuestionsAsync(first, chloe)).Answer);
    }

    [Fact]
    public async Task Questions_cannot_be_asked_on_a_draft_nor_after_the_deadline()
    {
        var (draft, _, _) = await fixture.CompleteDraftAsync();
        var (open, _) = await PublishedAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AskQuestion.Command(draft, "Anyone there?")), chloe));

        fixture.Clock.Advance(TimeSpan.FromDays(30));
        var late = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AskQuestion.Command(open, "Too late?")), chloe));
        Assert.Equal("question.closed", late.Code);
    }

    [Fact]
    public async Task The_same_question_sent_twice_is_kept_once_and_waiting_questions_are_limited()
    {
        var (id, _) = await PublishedAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);

        var first = await fixture.SendAsync(sender => sender.Send(new AskQuestion.Command(id, "Which sizes?")), chloe);
        var again = await fixture.SendAsync(sender => sender.Send(new AskQuestion.Command(id, "Which sizes?")), chloe);
        for (var number = 2; number <= AskQuestion.MaximumWaitingQuestions; number++)
        {
            await fixture.SendAsync(sender => sender.Send(new AskQuestion.Command(id, $"Question {number}")), chloe);
        }

        var flood = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AskQuestion.Command(id, "One more")), chloe));

        Assert.Equal(first, again);
        Assert.Equal("question.too-many-waiting", flood.Code);
        Assert.Equal(AskQuestion.MaximumWaitingQuestions, (await QuestionsAsync(id, chloe)).Count);
    }

    [Fact]
    public async Task An_empty_question_gets_a_message_on_its_field()
    {
        var (id, _) = await PublishedAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AskQuestion.Command(id, "   ")), chloe));

        Assert.Single(error.Errors["Text"]);
    }

    [Fact]
    public async Task Following_is_idempotent_visible_challenges_only_and_undone_by_unfollowing()
    {
        var (id, _) = await PublishedAsync();
        var (draft, _, _) = await fixture.CompleteDraftAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        Task<bool> FollowsAsync() => fixture.SendAsync(async sender => (await sender.Send(new GetChallenge.Query(id))).ViewerFollows, chloe);

        await Task.WhenAll(
            fixture.SendAsync(sender => sender.Send(new FollowChallenge.Command(id)), chloe),
            fixture.SendAsync(sender => sender.Send(new FollowChallenge.Command(id)), chloe));
        Assert.True(await FollowsAsync());
        Assert.Equal(1, await fixture.DbAsync(db => db.ChallengeFollowers.CountAsync(follower => follower.ChallengeId == id)));

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new FollowChallenge.Command(draft)), chloe));
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new FollowChallenge.Command(id))));

        await fixture.SendAsync(sender => sender.Send(new UnfollowChallenge.Command(id)), chloe);
        Assert.False(await FollowsAsync());
    }
}
