using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// What the judges said about my entry, once the results are out: its rank and score and each judge's
/// marks and comments per criterion. Judges stay anonymous ("Judge 1", "Judge 2"…). Only for the entry's author;
/// anyone else, and the author before the results, get nothing (null).
/// </summary>
public static class GetMyFeedback
{
    public sealed record Query(EntryId EntryId) : IQuery<Feedback?>;

    public sealed record Feedback(
        int? Rank, decimal? Score, int RankedEntries, IReadOnlyList<JudgingCriterion> Criteria, IReadOnlyList<decimal?> CriterionAverages,
        IReadOnlyList<JudgeFeedback> Judges);

    public sealed record JudgeFeedback(int Judge, IReadOnlyList<CriterionScore> Marks, string? Overall);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Feedback?>
    {
        public async ValueTask<Feedback?> Handle(Query query, CancellationToken cancellationToken)
        {
            if (currentUser.Id is not { } me)
            {
                return null;
            }

            var entry = await db.Entries.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == query.EntryId && candidate.CreativeUserId == me, cancellationToken);
            var challenge = entry is null ? null : await db.Challenges.AsNoTracking().IgnoreAutoIncludes().SingleAsync(candidate => candidate.Id == entry.ChallengeId, cancellationToken);
            if (entry is null || challenge?.ResultsAnnouncedAt is null || entry.Status != EntryStatus.Approved)
            {
                return null;
            }

            var (panel, approved, cards, ranking) = await db.PanelScoresAsync(challenge, cancellationToken);
            var mine = ranking.Single(row => row.EntryId == entry.Id);
            var judges = cards.Where(card => card.EntryId == entry.Id)
                .Select(card => new JudgeFeedback(panel.IndexOf(card.JudgeUserId) + 1, card.Scores, card.OverallComment))
                .OrderBy(judge => judge.Judge)
                .ToList();
            return new Feedback(mine.Rank, mine.Score, approved.Count, challenge.Criteria, mine.CriterionAverages, judges);
        }
    }
}
