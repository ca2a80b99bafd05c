using Crowdsource.Domain.Judging;
using static Crowdsource.Domain.Tests.Judging.PanelScenario;

namespace Crowdsource.Domain.Tests.Judging;

public sealed class RankingTests
{
    [Fact]
    public void Each_judge_s_marks_are_weighted_by_the_published_weights_then_averaged_across_judges()
    {
        var challenge = Open();
        var entry = Approved(challenge, "chloe");
        challenge.ToJudging();
        // Judge A: 10 x 60% + 5 x 40% = 8; judge B: 6 x 60% + 1 x 40% = 4; mean 6.
        var cards = new[] { Score(challenge, entry, "judge-a", 10, 5), Score(challenge, entry, "judge-b", 6, 1) };

        var row = Assert.Single(Ranking.Compute(challenge.Criteria, ["judge-a", "judge-b"], [entry], cards));

        Assert.Equal(6.00m, row.Score);
        Assert.Equal([8.00m, 3.00m], row.CriterionAverages);
        Assert.Equal((1, 2, true), (row.Rank, row.JudgeCount, row.IsComplete));
    }

    [Fact]
    public void Equal_scores_share_a_rank_and_are_marked_as_ties_and_the_next_rank_is_skipped()
    {
        var challenge = Open();
        var first = Approved(challenge, "chloe", 3);
        var second = Approved(challenge, "dev", 4);
        var third = Approved(challenge, "eve", 5);
        challenge.ToJudging();
        var cards = new[] { Score(challenge, first, "judge", 7, 7), Score(challenge, second, "judge", 7, 7), Score(challenge, third, "judge", 2, 2) };

        var ranking = Ranking.Compute(challenge.Criteria, ["judge"], [third, second, first], cards);

        Assert.Equal([(first.Id, 1, true), (second.Id, 1, true), (third.Id, 3, false)],
            ranking.Select(row => (row.EntryId, row.Rank!.Value, row.IsTied)));
    }

    [Fact]
    public void Entries_not_scored_by_every_judge_are_marked_incomplete_and_unscored_ones_come_last_without_rank()
    {
        var challenge = Open();
        var scoredTwice = Approved(challenge, "chloe", 3);
        var scoredOnce = Approved(challenge, "dev", 4);
        var unscored = Approved(challenge, "eve", 2);
        challenge.ToJudging();
        var cards = new[] { Score(challenge, scoredTwice, "judge-a", 5, 5), Score(challenge, scoredTwice, "judge-b", 5, 5), Score(challenge, scoredOnce, "judge-a", 4, 4) };

        var ranking = Ranking.Compute(challenge.Criteria, ["judge-a", "judge-b"], [unscored, scoredOnce, scoredTwice], cards);

        Assert.Equal([(scoredTwice.Id, 2, true), (scoredOnce.Id, 1, false), (unscored.Id, 0, false)],
            ranking.Select(row => (row.EntryId, row.JudgeCount, row.IsComplete)));
        Assert.Null(ranking[2].Rank);
        Assert.Null(ranking[2].Score);
        Assert.All(ranking[2].CriterionAverages, average => Assert.Null(average));
    }

    [Fact]
    public void Only_the_scorecards_of_current_panel_members_count()
    {
        var challenge = Open();
        var entry = Approved(challenge, "chloe");
        challenge.ToJudging();
        var cards = new[] { Score(challenge, entry, "judge", 8, 8), Score(challenge, entry, "former-judge", 0, 0) };

        var row = Assert.Single(Ranking.Compute(challenge.Criteria, ["judge"], [entry], cards));

        Assert.Equal((8.00m, 1, true), (row.Score, row.JudgeCount, row.IsComplete));
    }
}
