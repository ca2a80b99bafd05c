using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Judging;
using static Crowdsource.Domain.Tests.Judging.PanelScenario;

namespace Crowdsource.Domain.Tests.Judging;

/// <summary>The fairness questions the challenge answers, and the acting methods that ask the same question.</summary>
public sealed class FairnessRulesTests
{
    private static string CodeOf(Action action) => Assert.Throws<DomainRuleException>(action).Code;

    private static JudgingCriterion[] OtherCriteria => [JudgingCriterion.Create("Boldness", null, 50), JudgingCriterion.Create("Cost", null, 50)];

    [Fact]
    public void Criteria_can_change_on_an_open_challenge_until_an_entry_exists_and_the_same_criteria_sent_again_change_nothing()
    {
        var challenge = Open();
        Assert.True(challenge.CanEditCriteria(hasEntries: false));
        challenge.SetCriteria(OtherCriteria, hasEntries: false, Now.AddHours(2));

        Assert.False(challenge.CanEditCriteria(hasEntries: true));
        Assert.Equal("challenge.criteria-frozen", CodeOf(() => challenge.SetCriteria(
            [JudgingCriterion.Create("Boldness", null, 90), JudgingCriterion.Create("Cost", null, 10)], hasEntries: true, Now.AddHours(3))));
        challenge.SetCriteria(OtherCriteria, hasEntries: true, Now.AddHours(3)); // the form sends frozen criteria back as they are
        Assert.Equal([50, 50], challenge.Criteria.Select(criterion => criterion.Weight));

        challenge.ToJudging();
        Assert.False(challenge.CanEditCriteria(hasEntries: false));
        Assert.Equal("challenge.wrong-status", CodeOf(() => challenge.SetCriteria([JudgingCriterion.Create("Only", null, 100)], hasEntries: false, DuringJudging)));
    }

    [Fact]
    public void Judges_score_only_in_judging_and_never_once_the_ranking_is_locked()
    {
        var challenge = Open();
        var entry = Approved(challenge, "chloe");

        Assert.False(challenge.CanScore);
        Assert.Equal("score.locked", CodeOf(() => Score(challenge, entry, "judge", 5, 5, Now.AddHours(5))));

        challenge.ToJudging();
        Assert.True(challenge.CanScore);
        var card = Score(challenge, entry, "judge", 5, 5);

        challenge.SelectWinners([new WinnerPick(1, entry.Id)], [entry], "owner", DuringJudging);
        Assert.True(challenge.CanConfirmWinners(DuringJudging));
        challenge.ConfirmWinners([entry], null, "moderator", DuringJudging);
        Assert.False(challenge.CanScore);
        Assert.False(challenge.CanChooseWinners(DuringJudging.AddHours(1)));
        Assert.False(challenge.CanConfirmWinners(DuringJudging.AddHours(1)));
        Assert.Equal("score.locked", CodeOf(() => card.Change(challenge, entry,
            [new CriterionScore("Originality", 9, null), new CriterionScore("Feasibility", 9, null)], null, DuringJudging.AddHours(1))));
    }

    [Fact]
    public void A_scorecard_made_against_other_criteria_is_left_out_of_the_ranking_instead_of_breaking_it()
    {
        var challenge = Open();
        var scored = Approved(challenge, "chloe");
        var other = Approved(challenge, "camille", hoursAfterOpening: 4);
        challenge.ToJudging();
        var cards = new[] { Score(challenge, scored, "judge", 8, 6), Score(challenge, other, "judge", 4, 4) };

        // As if the criteria had been renamed after the marks were given (the freeze makes this unreachable today).
        var renamed = new[] { JudgingCriterion.Create("Originality", null, 60), JudgingCriterion.Create("Practicality", null, 40) };
        var ranking = Ranking.Compute(renamed, ["judge"], [scored, other], cards);

        Assert.All(ranking, row => Assert.Equal((null, null, 0), (row.Score, row.Rank, row.JudgeCount)));
        Assert.Null(cards[0].WeightedScore(renamed));
        Assert.Equal(7.2m, Ranking.Compute(challenge.Criteria, ["judge"], [scored, other], cards)[0].Score);
    }

    [Fact]
    public void Nobody_judges_a_challenge_they_entered_or_whose_brand_they_belong_to_and_no_judge_or_brand_member_enters_it()
    {
        var challenge = Open();
        var entered = new ConflictOfInterest(HasEntered: true, BelongsToBrand: false, IsJudge: false);
        var ofTheBrand = new ConflictOfInterest(HasEntered: false, BelongsToBrand: true, IsJudge: false);
        var judge = new ConflictOfInterest(HasEntered: false, BelongsToBrand: false, IsJudge: true);

        Assert.Equal("judge.entered", CodeOf(entered.EnsureMayJudge));
        Assert.Equal("judge.entered", CodeOf(() => ChallengeJudge.Assign(challenge, "chloe", entered, "chloe", Now.AddHours(2))));
        Assert.Equal("judge.conflict-of-interest", CodeOf(() => ChallengeJudge.Assign(challenge, "brand", ofTheBrand, "brand", Now.AddHours(2))));
        Assert.Equal("winners.entered", CodeOf(entered.EnsureMayChooseWinners));
        Assert.Equal("entry.by-judge", CodeOf(judge.EnsureMayEnter));
        Assert.Equal("entry.by-brand", CodeOf(ofTheBrand.EnsureMayEnter));
        Assert.True(judge.MayJudge);
        Assert.True(entered.MayEnter);
        Assert.NotNull(ChallengeJudge.Assign(challenge, "judge", ConflictOfInterest.None, "judge", Now.AddHours(2)));
    }

    [Fact]
    public void Authors_are_hidden_on_a_blind_challenge_until_the_results_are_announced()
    {
        var challenge = Open();
        var entry = Approved(challenge, "chloe");
        challenge.ToJudging();
        Assert.True(challenge.HidesAuthors);

        challenge.SetBlindJudging(false, DuringJudging);
        Assert.False(challenge.HidesAuthors);
        challenge.SetBlindJudging(true, DuringJudging);

        challenge.SelectWinners([new WinnerPick(1, entry.Id)], [entry], "owner", DuringJudging);
        challenge.ConfirmWinners([entry], null, "moderator", DuringJudging);
        Assert.False(challenge.HidesAuthors);
    }
}
