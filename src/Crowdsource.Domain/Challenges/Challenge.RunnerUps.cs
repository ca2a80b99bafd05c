using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;

namespace Crowdsource.Domain.Challenges;

/// <summary>Which entries share a challenge's runner-up pool. Stored by name; never renamed.</summary>
public enum RunnerUpRule
{
    /// <summary>The entries the judges shortlisted that did not win, at most <see cref="Challenge.RunnerUpCount"/>, best ranked first.</summary>
    ShortlistedEntries,

    /// <summary>The <see cref="Challenge.RunnerUpCount"/> best-ranked approved entries that did not win.</summary>
    TopOfRanking,
}

/// <summary>
/// The runner-up pool: money the brand adds so that good entries that did not win are paid too, split equally among the
/// shortlisted entries (or the top of the ranking). It is part of the <see cref="PrizePool"/>, so it is funded before the
/// challenge opens; the rewards are decided when the results are announced and paid like prizes.
/// </summary>
public sealed partial class Challenge
{
    public const int MaximumRunnerUps = 50;

    /// <summary>The pool shared among the runner-ups, in <see cref="PrizeCurrency"/>; null when the challenge has none.</summary>
    public decimal? RunnerUpPool { get; private set; }

    /// <summary>Who shares the pool (meaningful only with a pool).</summary>
    public RunnerUpRule RunnerUpRule { get; private set; }

    /// <summary>How many entries share the pool at most (1 to <see cref="MaximumRunnerUps"/>; 0 without a pool).</summary>
    public int RunnerUpCount { get; private set; }

    /// <summary>When the runner-up rewards were decided (with the results); null before, or when there is no pool.</summary>
    public DateTimeOffset? RunnerUpRewardsDecidedAt { get; private set; }

    public bool HasRunnerUpPool => RunnerUpPool is not null;

    /// <summary>
    /// Sets the runner-up pool with the prizes. In a draft, anything valid (null removes it). Once published, a pool
    /// may be added or raised, never lowered or removed, and its rule and count stay as creatives entered on them.
    /// </summary>
    public void SetRunnerUpPool(decimal? pool, RunnerUpRule rule, int count, DateTimeOffset now)
    {
        EnsureStatus(DomainText.ChallengePrizesLocked, ChallengeStatus.Draft, ChallengeStatus.Scheduled, ChallengeStatus.Open, ChallengeStatus.Judging);
        if (pool is null)
        {
            rule = RunnerUpRule.ShortlistedEntries;
            count = 0;
        }
        else
        {
            _ = new Money(pool.Value, PrizeCurrency ?? Money.DefaultCurrency); // checks the amount
            if (!Enum.IsDefined(rule) || count is < 1 or > MaximumRunnerUps)
            {
                throw new DomainRuleException("challenge.runner-up-count", Format(DomainText.RunnerUpCountInvalid, MaximumRunnerUps));
            }

            if (PrizeCurrency is null)
            {
                throw new DomainRuleException("challenge.runner-up-without-prizes", DomainText.RunnerUpPoolNeedsPrizes);
            }
        }

        if (pool == RunnerUpPool && rule == RunnerUpRule && count == RunnerUpCount)
        {
            return;
        }

        if (IsPublished && RunnerUpPool is { } published && (pool is null || pool < published || rule != RunnerUpRule || count != RunnerUpCount))
        {
            throw new DomainRuleException("challenge.runner-up-reduced", DomainText.RunnerUpPoolCannotShrink);
        }

        EnsurePoolFitsFunding(TotalPrize + (PeoplesChoicePrize ?? 0) + (pool ?? 0), PrizeCurrency);
        RunnerUpPool = pool;
        RunnerUpRule = rule;
        RunnerUpCount = count;
        RefreshFunding(now);
        UpdatedAt = now;
    }

    /// <summary>
    /// Decides the runner-up rewards, once, when the results are announced (<paramref name="awards"/> are the awards just
    /// decided). The rule, in one place: the entries that share the pool are approved entries that won nothing, ranked
    /// by the panel (highest score first, then earlier submission); with <see cref="RunnerUpRule.ShortlistedEntries"/>
    /// the shortlisted ones, at most <see cref="RunnerUpCount"/>, and when none of them is shortlisted the top of the
    /// ranking instead, so the money is never kept from creatives; with <see cref="RunnerUpRule.TopOfRanking"/> the
    /// <see cref="RunnerUpCount"/> best ranked. The pool is split equally to the cent, the odd cents going to the best
    /// ranked. When no entry qualifies (only winners, or nobody), there is no reward and the pool stays in the ledger's
    /// balance.
    /// </summary>
    public IReadOnlyList<RunnerUpReward> DecideRunnerUpRewards(
        IReadOnlyList<RankedEntry> ranking, IReadOnlyCollection<Entry> approvedEntries, IReadOnlyCollection<Award> awards, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(approvedEntries);
        ArgumentNullException.ThrowIfNull(awards);
        if (ResultsAnnouncedAt is null)
        {
            throw new DomainRuleException("challenge.results-not-announced", DomainText.RunnerUpsBeforeResults);
        }

        if (RunnerUpPool is not { } pool || RunnerUpRewardsDecidedAt is not null)
        {
            return [];
        }

        RunnerUpRewardsDecidedAt = now;
        var winners = awards.Select(award => award.EntryId).ToHashSet();
        var scores = ranking.ToDictionary(row => row.EntryId, row => row.Score);
        var ranked = approvedEntries
            .Where(entry => entry.ChallengeId == Id && entry.Status == EntryStatus.Approved && !winners.Contains(entry.Id))
            .DistinctBy(entry => entry.Id)
            .OrderByDescending(entry => scores.GetValueOrDefault(entry.Id) ?? -1)
            .ThenBy(entry => entry.SubmittedAt)
            .ThenBy(entry => entry.Id.Value)
            .ToList();
        var shortlisted = ranked.Where(entry => entry.IsShortlisted).ToList();
        var chosen = (RunnerUpRule == RunnerUpRule.ShortlistedEntries && shortlisted.Count > 0 ? shortlisted : ranked)
            .Take(RunnerUpCount)
            .ToList();
        var currency = PrizeCurrency ?? Money.DefaultCurrency;
        return [.. RunnerUpReward.Split(pool, chosen.Count)
            .Select((share, index) => RunnerUpReward.Decide(this, chosen[index].Id, index + 1, new Money(share, currency), now))];
    }

    /// <summary>Whether the challenge may be completed: every award and every runner-up reward paid.</summary>
    private static bool AllPaid(IReadOnlyCollection<Award> awards, IReadOnlyCollection<RunnerUpReward> runnerUps) =>
        awards.Count > 0 && awards.All(award => award.IsPaid) && runnerUps.All(reward => reward.IsPaid);
}
