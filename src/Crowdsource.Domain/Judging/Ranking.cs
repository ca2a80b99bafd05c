using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;

namespace Crowdsource.Domain.Judging;

/// <summary>An entry's place in the panel's ranking.</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="Rank">1 for the best; entries with equal scores share a rank (1, 1, 3); null when nobody scored it.</param>
/// <param name="Score">The mean of the judges' weighted marks out of 10, to two decimals; null when nobody scored it.</param>
/// <param name="JudgeCount">How many judges scored it.</param>
/// <param name="IsComplete">Whether every judge of the panel scored it.</param>
/// <param name="IsTied">Whether another entry has the same score.</param>
/// <param name="SubmittedAt">When the entry was submitted: the earlier one goes first among equals.</param>
/// <param name="CriterionAverages">The mean mark per criterion, in the published order (null when nobody scored it).</param>
public sealed record RankedEntry(
    EntryId EntryId, int? Rank, decimal? Score, int JudgeCount, bool IsComplete, bool IsTied,
    DateTimeOffset SubmittedAt, IReadOnlyList<decimal?> CriterionAverages);

/// <summary>
/// The panel's ranking: each judge's weighted mark (criterion marks times published weights), averaged across the
/// judges who scored the entry. Scores are compared to two decimals, as shown; equal scores are ties, shown as ties.
/// Only scorecards of current panel members count, and only those that mark every published criterion
/// (<see cref="Scorecard.Covers"/>): a card made against other criteria never breaks the ranking.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<RankedEntry> Compute(
        IReadOnlyList<JudgingCriterion> criteria, IReadOnlyCollection<string> panel, IReadOnlyCollection<Entry> entries,
        IReadOnlyCollection<Scorecard> scorecards)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(scorecards);

        // Looked up by entry, and ranks counted from the sorted scores: linear in the cards, thousands of entries stay cheap.
        var cardsByEntry = scorecards.Where(card => panel.Contains(card.JudgeUserId) && card.Covers(criteria)).ToLookup(card => card.EntryId);
        var rows = entries.Select(entry =>
        {
            var cards = cardsByEntry[entry.Id].ToList();
            decimal? score = cards.Count == 0
                ? null
                : Math.Round(cards.Average(card => card.WeightedScore(criteria)!.Value), 2, MidpointRounding.AwayFromZero);
            var averages = criteria
                .Select(criterion => cards.Count == 0
                    ? (decimal?)null
                    : Math.Round((decimal)cards.Average(card => card.MarkFor(criterion.Name)!.Value), 2, MidpointRounding.AwayFromZero))
                .ToList();
            return (Entry: entry, Score: score, Judges: cards.Count, Averages: averages);
        }).ToList();

        var sameScore = rows.Where(row => row.Score is not null).GroupBy(row => row.Score!.Value).ToDictionary(group => group.Key, group => group.Count());
        var higherScores = new Dictionary<decimal, int>();
        var higher = 0;
        foreach (var (value, count) in sameScore.OrderByDescending(pair => pair.Key))
        {
            higherScores[value] = higher;
            higher += count;
        }

        return rows
            .OrderByDescending(row => row.Score ?? -1)
            .ThenBy(row => row.Entry.SubmittedAt)
            .Select(row => new RankedEntry(
                row.Entry.Id,
                row.Score is { } value ? 1 + higherScores[value] : null,
                row.Score,
                row.Judges,
                panel.Count > 0 && row.Judges == panel.Count,
                row.Score is { } mine && sameScore[mine] > 1,
                row.Entry.SubmittedAt,
                row.Averages))
            .ToList();
    }
}
