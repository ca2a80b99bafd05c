using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Entries;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// The panel's working page for a challenge: the approved entries in ranking order with score, rank (ties shown as
/// ties), how many judges scored each, whether every judge did, the viewer's own mark and the shortlist; the panel;
/// and the brand's choice waiting for confirmation. With blind judging the creatives' names are left out.
/// For moderators independent from the challenge's brand. The ranking is computed over every entry; the board shows
/// it a page of <see cref="PageSize"/> rows at a time, so it stays small with thousands of entries.
/// </summary>
public static class GetJudgingBoard
{
    public const int PageSize = 20;

    public sealed record Query(ChallengeId ChallengeId, int Page = 1) : IQuery<Board>;

    public sealed record Board(
        ChallengeId ChallengeId, string Title, ChallengeStatus Status, bool BlindJudging, bool IsRankingLocked, DateTimeOffset? JudgingDeadline,
        DateTimeOffset? PublicVoteClosesAt, IReadOnlyList<JudgingCriterion> Criteria, IReadOnlyList<Judge> Panel, bool ViewerIsJudge,
        IReadOnlyList<Row> Rows, IReadOnlyList<Pick> Selection, DateTimeOffset? SelectedAt, DateTimeOffset Now,
        bool CanConfirm, bool PanelOpen, bool CanScore, string? ConflictOfInterest)
    {
        /// <summary>Which page of the ranking <see cref="Rows"/> is (from 1).</summary>
        public int Page { get; init; } = 1;

        /// <summary>Approved entries on the board, over every page.</summary>
        public int EntryCount { get; init; }

        public int PageCount => Math.Max(1, (EntryCount + PageSize - 1) / PageSize);
    }

    public sealed record Judge(string UserId, string DisplayName, int Scored);

    /// <summary>An entry on the board; <paramref name="CreativeName"/> is a pseudonym while the challenge hides its authors.</summary>
    public sealed record Row(
        int Number, EntryId EntryId, string Title, string CreativeName, int? Rank, decimal? Score, bool IsTied, int JudgeCount, bool IsComplete,
        decimal? MyScore, bool IsShortlisted, EntryPreview? Preview);

    public sealed record Pick(int Rank, decimal Prize, string Currency, int Number, string Title);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Board>
    {
        public async ValueTask<Board> Handle(Query query, CancellationToken cancellationToken)
        {
            var (challenge, conflict) = await db.ChallengeForModeratorAsync(currentUser, query.ChallengeId, cancellationToken);
            var me = currentUser.RequireId();
            var now = clock.GetUtcNow();
            if (!conflict.MayJudge)
            {
                // Someone who entered the challenge sees why they may not judge it, and nothing of its judging.
                return new Board(challenge.Id, challenge.Title, challenge.Status, challenge.BlindJudging, challenge.IsRankingLocked, challenge.JudgingDeadline,
                    challenge.PublicVoteClosesAt, challenge.Criteria, [], false, [], [], null, now, false, false, false, conflict.Explanation);
            }

            // Ranked by PostgreSQL: the page's rows and the brand's picks, whatever page they are on (PanelRanking).
            var picks = challenge.WinnerSelection.Select(pick => pick.EntryId).ToList();
            var ranked = await db.BoardPageAsync(challenge, me, query.Page, PageSize, picks, cancellationToken);
            var panel = await db.ChallengeJudges.AsNoTracking().Where(judge => judge.ChallengeId == challenge.Id)
                .OrderBy(judge => judge.AssignedAt)
                .Select(judge => new Judge(
                    judge.JudgeUserId,
                    db.Users.Where(user => user.Id == judge.JudgeUserId).Select(user => user.DisplayName).FirstOrDefault() ?? string.Empty,
                    // The entry's challenge repeated: PostgreSQL then joins the challenge's approved entries from one index.
                    db.Scorecards.Count(card => card.ChallengeId == challenge.Id && card.JudgeUserId == judge.JudgeUserId
                        && db.Entries.Any(entry => entry.Id == card.EntryId && entry.ChallengeId == challenge.Id && entry.Status == EntryStatus.Approved))))
                .ToListAsync(cancellationToken);

            var onPanel = panel.Exists(judge => judge.UserId == me);
            var rows = ranked.Where(row => row.IsOnPage).Select(row => new Row(
                row.Number, new EntryId(row.EntryId), row.Title,
                AuthorVisibility.NameOf(challenge, currentUser, row.CreativeUserId, row.AuthorOrder, row.AuthorDisplayName, null).Name,
                row.Rank, row.Score, row.IsTied, row.JudgeCount, panel.Count > 0 && row.JudgeCount == panel.Count, row.MyScore, row.IsShortlisted,
                row.PreviewFileId is { } fileId ? new EntryPreview(fileId, row.PreviewFileName!, row.PreviewHasThumbnail) : null)).ToList();
            var byId = ranked.ToDictionary(row => new EntryId(row.EntryId));
            var selection = challenge.WinnerSelection
                .Where(pick => byId.ContainsKey(pick.EntryId))
                .Select(pick => new Pick(pick.Rank, challenge.PrizeTiers[pick.Rank - 1].Amount, challenge.PrizeTiers[pick.Rank - 1].Currency,
                    byId[pick.EntryId].Number, byId[pick.EntryId].Title))
                .ToList();

            return new Board(challenge.Id, challenge.Title, challenge.Status, challenge.BlindJudging, challenge.IsRankingLocked, challenge.JudgingDeadline,
                challenge.PublicVoteClosesAt, challenge.Criteria, panel, onPanel, rows, selection, challenge.WinnersSelectedAt, now,
                challenge.CanConfirmWinners(now), challenge.IsPanelOpen, onPanel && challenge.CanScore, null)
            {
                Page = ranked.Count > 0 ? ranked[0].Page : 1,
                EntryCount = ranked.Count > 0 ? ranked[0].EntryCount : 0,
            };
        }
    }
}
