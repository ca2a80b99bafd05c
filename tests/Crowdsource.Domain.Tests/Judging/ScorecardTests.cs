using Crowdsource.Domain.Common;
using Crowdsource.Domain.Judging;
using static Crowdsource.Domain.Tests.Judging.PanelScenario;

namespace Crowdsource.Domain.Tests.Judging;

public sealed class ScorecardTests
{
    private static string CodeOf(Action action) => Assert.Throws<DomainRuleException>(action).Code;

    [Fact]
    public void Marks_go_from_0_to_10()
    {
        var challenge = Open();
        var entry = Approved(challenge, "chloe");
        challenge.ToJudging();

        Assert.Equal("score.range", CodeOf(() => Score(challenge, entry, "judge", 11, 5)));
        Assert.Equal("score.range", CodeOf(() => Score(challenge, entry, "judge", 5, -1)));
        Assert.Equal(10m, Score(challenge, entry, "judge", 10, 10).WeightedScore(challenge.Criteria));
        Assert.Equal(0m, Score(challenge, entry, "judge", 0, 0).WeightedScore(challenge.Criteria));
    }

    [Fact]
    public void Every_published_criterion_gets_exactly_one_mark_kept_in_the_published_order()
    {
        var challenge = Open();
        var entry = Approved(challenge, "chloe");
        challenge.ToJudging();

        Assert.Equal("score.criteria", CodeOf(() => Scorecard.Record(challenge, entry, "judge", [new CriterionScore("Originality", 5, null)], null, DuringJudging)));
        Assert.Equal("score.criteria", CodeOf(() => Scorecard.Record(challenge, entry, "judge",
            [new CriterionScore("Originality", 5, null), new CriterionScore("Originality", 6, null)], null, DuringJudging)));
        Assert.Equal("score.criteria", CodeOf(() => Scorecard.Record(challenge, entry, "judge",
            [new CriterionScore("Originality", 5, null), new CriterionScore("Price", 6, null)], null, DuringJudging)));

        var card = Scorecard.Record(challenge, entry, "judge",
            [new CriterionScore("Feasibility", 3, "  Hard to print.  "), new CriterionScore("Originality", 9, " ")], " Lovely. ", DuringJudging);
        Assert.Equal([new CriterionScore("Originality", 9, null), new CriterionScore("Feasibility", 3, "Hard to print.")], card.Scores);
        Assert.Equal("Lovely.", card.OverallComment);
    }

    [Fact]
    public void Comments_have_a_maximum_length()
    {
        var challenge = Open();
        var entry = Approved(challenge, "chloe");
        challenge.ToJudging();

        Assert.Equal("score.comment-too-long", CodeOf(() => Scorecard.Record(challenge, entry, "judge",
            [new CriterionScore("Originality", 5, new string('a', CriterionScore.CommentMaximumLength + 1)), new CriterionScore("Feasibility", 5, null)],
            null, DuringJudging)));
        Assert.Equal("score.comment-too-long", CodeOf(() => Scorecard.Record(challenge, entry, "judge",
            [new CriterionScore("Originality", 5, null), new CriterionScore("Feasibility", 5, null)],
            new string('a', Scorecard.OverallCommentMaximumLength + 1), DuringJudging)));
    }

    [Fact]
    public void Only_approved_entries_are_scored()
    {
        var challenge = Open();
        var submitted = Submit(challenge, "chloe");
        challenge.ToJudging();

        Assert.Equal("score.entry-not-approved", CodeOf(() => Score(challenge, submitted, "judge", 5, 5)));
    }

    [Fact]
    public void A_judge_changes_marks_until_the_results_are_announced_then_they_are_locked()
    {
        var challenge = Open();
        var entry = Approved(challenge, "chloe");
        challenge.ToJudging();
        var card = Score(challenge, entry, "judge", 2, 2);

        card.Change(challenge, entry, [new CriterionScore("Originality", 8, null), new CriterionScore("Feasibility", 8, null)], null, DuringJudging.AddHours(1));
        Assert.Equal(8m, card.WeightedScore(challenge.Criteria));

        challenge.AwardByRanking(Ranking.Compute(challenge.Criteria, ["judge"], [entry], [card]), [entry], null, AfterJudgingDeadline);
        Assert.Equal("score.locked", CodeOf(() => card.Change(challenge, entry,
            [new CriterionScore("Originality", 1, null), new CriterionScore("Feasibility", 1, null)], null, AfterJudgingDeadline.AddHours(1))));
        Assert.Equal(8m, card.WeightedScore(challenge.Criteria));
    }
}
