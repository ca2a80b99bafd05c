using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Licensing;
using Crowdsource.Domain.Tests.Challenges;
using static Crowdsource.Domain.Tests.Judging.PanelScenario;

namespace Crowdsource.Domain.Tests.Judging;

public sealed class RunnerUpRewardTests
{
    private static readonly string[] Six = ["ana", "ben", "chloe", "dev", "eve", "fay"];

    private static string CodeOf(Action action) => Assert.Throws<DomainRuleException>(action).Code;

    /// <summary>An open challenge (prizes 5 000 + 1 500 €) with a runner-up pool, funded in full before approval.</summary>
    private static Challenge OpenWithPool(decimal pool, RunnerUpRule rule, int count)
    {
        var challenge = ChallengeBuilder.CompleteDraft(opensAt: Now.AddHours(1));
        challenge.SetRunnerUpPool(pool, rule, count, Now);
        challenge.SubmitForReview(Now);
        challenge.FundPrizes(Now);
        challenge.Approve(Now);
        challenge.AdvanceWithTime(Now.AddHours(2));
        return challenge;
    }

    private static LicenceVersion LicenceGranting(bool runnerUps) => LicenceVersion.Publish(ChallengeBuilder.Licence, "exclusive-assignment-on-award", 1,
        LicenceScope.ExclusiveAssignment, LicenceAppliesTo.WinningEntriesOnly, ("Exclusive", "Exclusive"), ("Summary", "Résumé"),
        ("Full text", "Texte complet"), "All media", "Worldwide", "Full term", Now.AddYears(-1), grantsRightsForRunnerUps: runnerUps);

    [Fact]
    public void A_pool_of_100_among_3_is_split_to_the_cent_and_the_extra_cent_goes_to_the_best_ranked()
    {
        Assert.Equal([33.34m, 33.33m, 33.33m], RunnerUpReward.Split(100.00m, 3));
        Assert.Equal([0.34m, 0.33m, 0.33m], RunnerUpReward.Split(1.00m, 3));
        Assert.Equal([50.01m, 50.01m, 50.00m, 50.00m], RunnerUpReward.Split(200.02m, 4));
        Assert.Equal([0.01m, 0.01m], RunnerUpReward.Split(0.02m, 5)); // never a share of nothing
        Assert.Empty(RunnerUpReward.Split(100m, 0));
        foreach (var (pool, count) in new[] { (100m, 3), (999.99m, 7), (1234.56m, 50), (0.05m, 3) })
        {
            var shares = RunnerUpReward.Split(pool, count);
            Assert.Equal(pool, shares.Sum());
            Assert.True(shares.Max() - shares.Min() <= 0.01m);
            Assert.Equal(shares.OrderDescending(), shares);
        }
    }

    [Fact]
    public void The_pool_is_part_of_the_prize_pool_and_must_be_funded_before_approval()
    {
        var challenge = ChallengeBuilder.CompleteDraft();
        challenge.SetRunnerUpPool(300m, RunnerUpRule.ShortlistedEntries, 3, Now);

        Assert.Equal(6800m, challenge.PrizePool);
        Assert.Equal(6800m, challenge.FundingShortfall);
        challenge.SubmitForReview(Now);
        var transfer = challenge.RecordPrizeTransfer("SEPA-1", "owner", Now);
        Assert.Equal(6800m, transfer.Amount);
        challenge.ConfirmPrizeTransfer(transfer, "admin", Now);
        Assert.True(challenge.IsPrizeFunded);
        challenge.Approve(Now);
        Assert.Equal(ChallengeStatus.Scheduled, challenge.Status);
    }

    [Fact]
    public void Raising_the_pool_of_a_funded_challenge_leaves_it_unfunded_until_the_rest_arrives()
    {
        var challenge = ChallengeBuilder.CompleteDraft();
        challenge.FundPrizes(Now);
        Assert.True(challenge.IsPrizeFunded);

        challenge.SetRunnerUpPool(500m, RunnerUpRule.TopOfRanking, 5, Now);

        Assert.False(challenge.IsPrizeFunded);
        Assert.Equal(500m, challenge.FundingShortfall);
        challenge.SubmitForReview(Now);
        Assert.Equal("challenge.not-funded", CodeOf(() => challenge.Approve(Now)));
    }

    [Fact]
    public void A_draft_changes_its_pool_freely_but_a_published_one_may_only_add_or_raise_it()
    {
        var draft = ChallengeBuilder.CompleteDraft();
        draft.SetRunnerUpPool(300m, RunnerUpRule.ShortlistedEntries, 3, Now);
        draft.SetRunnerUpPool(200m, RunnerUpRule.TopOfRanking, 4, Now);
        draft.SetRunnerUpPool(null, RunnerUpRule.TopOfRanking, 4, Now);
        Assert.Null(draft.RunnerUpPool);
        Assert.Equal(0, draft.RunnerUpCount);
        Assert.Equal("challenge.runner-up-count", CodeOf(() => draft.SetRunnerUpPool(100m, RunnerUpRule.TopOfRanking, 0, Now)));
        Assert.Equal("challenge.runner-up-count", CodeOf(() => draft.SetRunnerUpPool(100m, RunnerUpRule.TopOfRanking, Challenge.MaximumRunnerUps + 1, Now)));
        Assert.Equal("money.invalid-amount", CodeOf(() => draft.SetRunnerUpPool(-5m, RunnerUpRule.TopOfRanking, 3, Now)));

        var published = OpenWithPool(300m, RunnerUpRule.ShortlistedEntries, 3);
        Assert.Equal("challenge.runner-up-reduced", CodeOf(() => published.SetRunnerUpPool(299.99m, RunnerUpRule.ShortlistedEntries, 3, Now)));
        Assert.Equal("challenge.runner-up-reduced", CodeOf(() => published.SetRunnerUpPool(null, RunnerUpRule.ShortlistedEntries, 3, Now)));
        Assert.Equal("challenge.runner-up-reduced", CodeOf(() => published.SetRunnerUpPool(300m, RunnerUpRule.TopOfRanking, 3, Now)));
        Assert.Equal("challenge.runner-up-reduced", CodeOf(() => published.SetRunnerUpPool(300m, RunnerUpRule.ShortlistedEntries, 4, Now)));
        published.SetRunnerUpPool(450m, RunnerUpRule.ShortlistedEntries, 3, Now);
        Assert.Equal(450m, published.RunnerUpPool);

        var without = Open();
        without.SetRunnerUpPool(100m, RunnerUpRule.TopOfRanking, 2, Now); // added after publication: allowed
        Assert.Equal(100m, without.RunnerUpPool);
    }

    [Fact]
    public void At_confirmation_the_shortlisted_non_winners_share_the_pool_best_ranked_first_and_winners_get_nothing_more()
    {
        var challenge = OpenWithPool(100m, RunnerUpRule.ShortlistedEntries, 3);
        var entries = Six.Select((name, index) => Approved(challenge, name, 3 + index)).ToArray();
        foreach (var entry in entries.Take(5))
        {
            entry.SetShortlisted(challenge, true); // fay is not shortlisted
        }

        challenge.ToJudging();
        var cards = entries.Select((entry, index) => Score(challenge, entry, "judge", 10 - index, 10 - index)).ToList();
        var ranking = Ranking.Compute(challenge.Criteria, ["judge"], entries, cards);
        challenge.SelectWinners([new WinnerPick(1, entries[0].Id), new WinnerPick(2, entries[2].Id)], entries, "owner", DuringJudging);
        var awards = challenge.ConfirmWinners(entries, null, "moderator", DuringJudging);

        var rewards = challenge.DecideRunnerUpRewards(ranking, entries, awards, DuringJudging);

        Assert.Equal([(1, entries[1].Id, 33.34m), (2, entries[3].Id, 33.33m), (3, entries[4].Id, 33.33m)],
            rewards.Select(reward => (reward.Place, reward.EntryId, reward.Amount)));
        Assert.All(rewards, reward => Assert.Equal(("EUR", DuringJudging, false), (reward.Currency, reward.DecidedAt, reward.IsPaid)));
        Assert.Empty(challenge.DecideRunnerUpRewards(ranking, entries, awards, DuringJudging)); // decided once
    }

    [Fact]
    public void With_nobody_shortlisted_the_pool_goes_to_the_top_of_the_ranking()
    {
        var challenge = OpenWithPool(90m, RunnerUpRule.ShortlistedEntries, 2);
        var entries = Six.Take(4).Select((name, index) => Approved(challenge, name, 3 + index)).ToArray();
        challenge.ToJudging();
        var cards = new[] { Score(challenge, entries[3], "judge", 9, 9), Score(challenge, entries[2], "judge", 8, 8), Score(challenge, entries[1], "judge", 7, 7) };
        var ranking = Ranking.Compute(challenge.Criteria, ["judge"], entries, cards);

        var awards = challenge.AwardByRanking(ranking, entries, null, AfterJudgingDeadline);
        var rewards = challenge.DecideRunnerUpRewards(ranking, entries, awards, AfterJudgingDeadline);

        Assert.Equal([entries[3].Id, entries[2].Id], awards.Select(award => award.EntryId));
        Assert.Equal([(entries[1].Id, 45m), (entries[0].Id, 45m)], rewards.Select(reward => (reward.EntryId, reward.Amount)));
    }

    [Fact]
    public void No_reward_when_only_winners_entered_and_none_before_the_results()
    {
        var challenge = OpenWithPool(100m, RunnerUpRule.TopOfRanking, 3);
        var entries = new[] { Approved(challenge, "ana", 3), Approved(challenge, "ben", 4) };
        challenge.ToJudging();
        Assert.Equal("challenge.results-not-announced", CodeOf(() => challenge.DecideRunnerUpRewards([], entries, [], DuringJudging)));

        var awards = challenge.AwardByRanking([], entries, null, AfterJudgingDeadline);

        Assert.Empty(challenge.DecideRunnerUpRewards([], entries, awards, AfterJudgingDeadline));
    }

    [Fact]
    public void Paying_a_reward_writes_a_ledger_line_out_of_the_pool_and_buys_no_rights_unless_the_licence_says_so()
    {
        var challenge = OpenWithPool(100m, RunnerUpRule.TopOfRanking, 2);
        var entries = new[] { Approved(challenge, "ana", 3), Approved(challenge, "ben", 4), Approved(challenge, "chloe", 5), Approved(challenge, "dev", 6) };
        challenge.ToJudging();
        var awards = challenge.AwardByRanking([], entries, null, AfterJudgingDeadline);
        var rewards = challenge.DecideRunnerUpRewards([], entries, awards, AfterJudgingDeadline);
        var (first, second) = (rewards[0], rewards[1]);
        var paidAt = AfterJudgingDeadline.AddDays(2);

        var noGrant = first.MarkPaid(challenge, entries[2], LicenceGranting(runnerUps: false), "admin", " SEPA-RU-1 ", paidAt);
        var line = LedgerEntry.RunnerUpPaid(challenge, first, "admin", paidAt);

        Assert.Null(noGrant);
        Assert.Equal((true, "SEPA-RU-1", "admin"), (first.IsPaid, first.PaymentReference, first.PaidByUserId));
        Assert.Equal((LedgerMovement.RunnerUpPaid, 50m, -1, first.Id, entries[2].Id), (line.Movement, line.Amount, line.Direction, line.RunnerUpRewardId, line.EntryId));
        Assert.Equal("runner-up.already-paid", CodeOf(() => first.MarkPaid(challenge, entries[2], LicenceGranting(false), "admin", "SEPA-RU-1", paidAt)));

        var grant = second.MarkPaid(challenge, entries[3], LicenceGranting(runnerUps: true), "admin", "SEPA-RU-2", paidAt);
        Assert.NotNull(grant);
        Assert.Equal((second.Id, (Guid?)null, entries[3].Id, "dev"), (grant.RunnerUpRewardId, grant.AwardId, grant.EntryId, grant.CreativeUserId));
    }

    [Fact]
    public void The_challenge_completes_only_when_every_award_and_runner_up_reward_is_paid()
    {
        var challenge = OpenWithPool(100m, RunnerUpRule.TopOfRanking, 1);
        var entries = new[] { Approved(challenge, "ana", 3), Approved(challenge, "ben", 4), Approved(challenge, "chloe", 5) };
        challenge.ToJudging();
        var awards = challenge.AwardByRanking([], entries, null, AfterJudgingDeadline);
        var rewards = challenge.DecideRunnerUpRewards([], entries, awards, AfterJudgingDeadline);
        var paidAt = AfterJudgingDeadline.AddDays(1);
        foreach (var award in awards)
        {
            award.MarkPaid(challenge, entries.Single(entry => entry.Id == award.EntryId), "admin", $"SEPA-{award.Rank}", paidAt);
        }

        Assert.False(challenge.CompleteIfAllPaid(awards, rewards, paidAt));
        Assert.Equal(ChallengeStatus.WinnersAnnounced, challenge.Status);

        rewards.Single().MarkPaid(challenge, entries[2], LicenceGranting(false), "admin", "SEPA-RU", paidAt);
        Assert.True(challenge.CompleteIfAllPaid(awards, rewards, paidAt));
        Assert.Equal(ChallengeStatus.Completed, challenge.Status);
    }
}
