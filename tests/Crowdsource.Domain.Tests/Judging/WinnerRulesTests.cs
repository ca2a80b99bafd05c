using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using static Crowdsource.Domain.Tests.Judging.PanelScenario;

namespace Crowdsource.Domain.Tests.Judging;

public sealed class WinnerRulesTests
{
    private static string CodeOf(Action action) => Assert.Throws<DomainRuleException>(action).Code;

    [Fact]
    public void The_selection_must_name_one_entry_per_tier_or_as_many_as_there_are_approved_entries()
    {
        var challenge = Open();
        var entries = new[] { Approved(challenge, "chloe", 3), Approved(challenge, "dev", 4), Approved(challenge, "eve", 5) };
        challenge.ToJudging();

        Assert.Equal("challenge.winners-incomplete", CodeOf(() => challenge.SelectWinners([new WinnerPick(1, entries[0].Id)], entries, "owner", DuringJudging)));
        Assert.Equal("challenge.winners-incomplete",
            CodeOf(() => challenge.SelectWinners([new WinnerPick(1, entries[0].Id), new WinnerPick(3, entries[1].Id)], entries, "owner", DuringJudging)));

        var lonely = Open();
        var only = Approved(lonely, "chloe");
        lonely.ToJudging();
        lonely.SelectWinners([new WinnerPick(1, only.Id)], [only], "owner", DuringJudging);
        Assert.Equal([new WinnerPick(1, only.Id)], lonely.WinnerSelection);
    }

    [Fact]
    public void The_same_entry_cannot_win_two_tiers_and_only_approved_entries_can_win()
    {
        var challenge = Open();
        var approved = new[] { Approved(challenge, "chloe", 3), Approved(challenge, "dev", 4) };
        var submitted = Submit(challenge, "eve", 5);
        challenge.ToJudging();

        Assert.Equal("challenge.winner-twice",
            CodeOf(() => challenge.SelectWinners([new WinnerPick(1, approved[0].Id), new WinnerPick(2, approved[0].Id)], approved, "owner", DuringJudging)));
        Assert.Equal("challenge.winner-not-approved",
            CodeOf(() => challenge.SelectWinners([new WinnerPick(1, approved[0].Id), new WinnerPick(2, submitted.Id)], approved, "owner", DuringJudging)));
        Assert.Empty(challenge.WinnerSelection);
    }

    [Fact]
    public void Winners_are_chosen_only_during_judging_and_before_the_judging_deadline()
    {
        var challenge = Open();
        var entries = new[] { Approved(challenge, "chloe", 3), Approved(challenge, "dev", 4) };
        WinnerPick[] picks = [new(1, entries[1].Id), new(2, entries[0].Id)];

        Assert.Equal("challenge.wrong-status", CodeOf(() => challenge.SelectWinners(picks, entries, "owner", Now.AddDays(1))));

        challenge.ToJudging();
        Assert.Equal("challenge.choice-too-late", CodeOf(() => challenge.SelectWinners(picks, entries, "owner", AfterJudgingDeadline)));

        challenge.SelectWinners(picks, entries, "owner", DuringJudging);
        Assert.Equal(picks, challenge.WinnerSelection);
    }

    [Fact]
    public void Confirming_needs_a_selection_then_awards_each_tier_its_prize_and_locks_the_ranking()
    {
        var challenge = Open();
        var entries = new[] { Approved(challenge, "chloe", 3), Approved(challenge, "dev", 4) };
        challenge.ToJudging();

        Assert.Equal("challenge.no-selection", CodeOf(() => challenge.ConfirmWinners(entries, null, "moderator", DuringJudging)));

        challenge.SelectWinners([new WinnerPick(1, entries[1].Id), new WinnerPick(2, entries[0].Id)], entries, "owner", DuringJudging);
        var awards = challenge.ConfirmWinners(entries, null, "moderator", DuringJudging.AddHours(1));

        Assert.Equal([(1, entries[1].Id, 5000m), (2, entries[0].Id, 1500m)], awards.Select(award => (award.Rank, award.EntryId, award.Amount)));
        Assert.All(awards, award => Assert.Equal((AwardMethod.BrandChoice, "owner", "moderator"), (award.Method, award.DecidedByUserId, award.ConfirmedByUserId)));
        Assert.Equal(ChallengeStatus.WinnersAnnounced, challenge.Status);
        Assert.True(challenge.IsRankingLocked);
        Assert.Equal("challenge.wrong-status", CodeOf(() => challenge.ConfirmWinners(entries, null, "moderator", DuringJudging.AddHours(2))));
    }

    [Fact]
    public void Confirming_is_refused_while_the_public_vote_is_open_and_afterwards_the_people_s_choice_is_awarded_too()
    {
        var challenge = Open();
        challenge.SetPublicVote(Now.AddDays(25), 300m, hasEntries: false, Now.AddHours(3));
        var entries = new[] { Approved(challenge, "chloe", 3), Approved(challenge, "dev", 4) };
        challenge.ToJudging();
        challenge.SelectWinners([new WinnerPick(1, entries[0].Id), new WinnerPick(2, entries[1].Id)], entries, "owner", DuringJudging);

        Assert.Equal("challenge.vote-open", CodeOf(() => challenge.ConfirmWinners(entries, entries[1].Id, "moderator", Now.AddDays(24))));

        var awards = challenge.ConfirmWinners(entries, entries[1].Id, "moderator", Now.AddDays(26));
        var peoples = Assert.Single(awards, award => award.IsPeoplesChoice);
        Assert.Equal((entries[1].Id, 300m, AwardMethod.PublicVote), (peoples.EntryId, peoples.Amount, peoples.Method));
    }

    [Fact]
    public void The_ranking_decides_only_after_the_judging_deadline()
    {
        var challenge = Open();
        var entries = new[] { Approved(challenge, "chloe", 3), Approved(challenge, "dev", 4) };
        challenge.ToJudging();

        Assert.Equal("challenge.judging-not-over",
            CodeOf(() => challenge.AwardByRanking(Ranking.Compute(challenge.Criteria, [], entries, []), entries, null, DuringJudging)));
        Assert.Equal(ChallengeStatus.Judging, challenge.Status);
    }

    [Fact]
    public void By_ranking_ties_go_to_the_earlier_submission_and_unscored_entries_come_after_scored_ones()
    {
        var challenge = Open();
        var unscoredEarliest = Approved(challenge, "ana", 2);
        var tiedLater = Approved(challenge, "chloe", 5);
        var tiedEarlier = Approved(challenge, "dev", 4);
        var rejected = Approved(challenge, "eve", 3);
        challenge.ToJudging();
        var cards = new[] { Score(challenge, tiedLater, "judge", 6, 6), Score(challenge, tiedEarlier, "judge", 6, 6), Score(challenge, rejected, "judge", 10, 10) };
        rejected.Reject(challenge, "Not the brief at all, sorry.", "moderator", DuringJudging);
        Entry[] approved = [unscoredEarliest, tiedLater, tiedEarlier];
        var ranking = Ranking.Compute(challenge.Criteria, ["judge"], approved, cards);

        var awards = challenge.AwardByRanking(ranking, approved, null, AfterJudgingDeadline);

        Assert.Equal([(1, tiedEarlier.Id), (2, tiedLater.Id)], awards.Select(award => (award.Rank, award.EntryId)));
        Assert.All(awards, award => Assert.Equal((AwardMethod.PanelRanking, null, null), (award.Method, award.DecidedByUserId, award.ConfirmedByUserId)));
        Assert.Equal(ChallengeStatus.WinnersAnnounced, challenge.Status);
        Assert.Equal(AfterJudgingDeadline, challenge.ResultsAnnouncedAt);
    }

    [Fact]
    public void By_ranking_an_unscored_entry_still_wins_a_tier_when_there_are_not_enough_scored_ones()
    {
        var challenge = Open();
        var scored = Approved(challenge, "chloe", 5);
        var unscored = Approved(challenge, "dev", 3);
        challenge.ToJudging();
        Entry[] approved = [unscored, scored];

        var awards = challenge.AwardByRanking(
            Ranking.Compute(challenge.Criteria, ["judge"], approved, [Score(challenge, scored, "judge", 1, 1)]), approved, null, AfterJudgingDeadline);

        Assert.Equal([(1, scored.Id), (2, unscored.Id)], awards.Select(award => (award.Rank, award.EntryId)));
    }
}
