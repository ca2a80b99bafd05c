using Crowdsource.Application.Common;
using Crowdsource.Application.Entries;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// What a judge needs to score an approved entry: the entry and its files, the published criteria (description and
/// weight) and the judge's own scorecard so far. The creative is named as <see cref="Entries.AuthorVisibility"/> allows.
/// </summary>
public static class GetScoringSheet
{
    public sealed record Query(EntryId EntryId) : IQuery<Sheet>;

    public sealed record Sheet(
        ChallengeId ChallengeId, string ChallengeTitle, int Number, Entry Entry, string CreativeName, IReadOnlyList<JudgingCriterion> Criteria,
        Scorecard? MyScorecard, bool ViewerIsJudge, bool CanScore, string? ConflictOfInterest);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Sheet>
    {
        public async ValueTask<Sheet> Handle(Query query, CancellationToken cancellationToken)
        {
            var (entry, challenge, conflict) = await db.EntryToJudgeAsync(currentUser, query.EntryId, cancellationToken);
            var me = currentUser.RequireId();
            var isJudge = await db.ChallengeJudges.AnyAsync(judge => judge.ChallengeId == challenge.Id && judge.JudgeUserId == me, cancellationToken);
            // Numbered as on the board: "Entry #1" is the first approved entry submitted.
            var order = await db.Entries.AsNoTracking().Where(other => other.ChallengeId == challenge.Id && other.Status == EntryStatus.Approved)
                .OrderBy(other => other.SubmittedAt).ThenBy(other => other.Id).Select(other => other.Id).ToListAsync(cancellationToken);
            var number = order.IndexOf(entry.Id) + 1;
            var mine = await db.Scorecards.AsNoTracking().SingleOrDefaultAsync(card => card.EntryId == entry.Id && card.JudgeUserId == me, cancellationToken);
            var author = (await db.AuthorNamesAsync(currentUser, challenge, cancellationToken))[entry.CreativeUserId];
            var canScore = isJudge && conflict.MayJudge && challenge.CanScore;
            return new Sheet(challenge.Id, challenge.Title, number, entry, author.Name, challenge.Criteria, mine, isJudge, canScore, conflict.Explanation);
        }
    }
}
