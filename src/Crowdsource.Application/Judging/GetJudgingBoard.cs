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

            var (panel, entries, cards, ranking) = await db.PanelScoresAsync(challenge, cancellationToken);

            var numbers = entries.Select((entry, index) => (entry.Id, Number: index + 1)).ToDictionary(pair => pair.Id, pair => pair.Number);
            var byId = entries.ToDictionary(entry => entry.Id);
            var authors = await db.AuthorNamesAsync(currentUser, challenge, cancellationToken);
            var judgeNames = await db.Users.AsNoTracking().Where(user => panel.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken);

            var pageCount = Math.Max(1, (ranking.Count + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pageCount);
            var rows = ranking.Skip((page - 1) * PageSize).Take(PageSize).Select(ranked =>
            {
                var entry = byId[ranked.EntryId];
                var mine = cards.Find(card => card.EntryId == entry.Id && card.JudgeUserId == me);
                return new Row(numbers[entry.Id], entry.Id, entry.Title, authors[entry.CreativeUserId].Name, ranked.Rank, ranked.Score, ranked.IsTied,
                    ranked.JudgeCount, ranked.IsComplete, mine?.WeightedScore(challenge.Criteria) is { } myScore ? Math.Round(myScore, 2, MidpointRounding.AwayFromZero) : null,
                    entry.IsShortlisted, EntryPreview.Of(entry));
            }).ToList();
            var judges = panel.Select(id => new Judge(id, judgeNames.GetValueOrDefault(id) ?? string.Empty,
                cards.Count(card => card.JudgeUserId == id && byId.ContainsKey(card.EntryId)))).ToList();
            var selection = challenge.WinnerSelection
                .Where(pick => byId.ContainsKey(pick.EntryId))
                .Select(pick => new Pick(pick.Rank, challenge.PrizeTiers[pick.Rank - 1].Amount, challenge.PrizeTiers[pick.Rank - 1].Currency,
                    numbers[pick.EntryId], byId[pick.EntryId].Title))
                .ToList();

            return new Board(challenge.Id, challenge.Title, challenge.Status, challenge.BlindJudging, challenge.IsRankingLocked, challenge.JudgingDeadline,
                challenge.PublicVoteClosesAt, challenge.Criteria, judges, panel.Contains(me), rows, selection, challenge.WinnersSelectedAt, now,
                challenge.CanConfirmWinners(now), challenge.IsPanelOpen, panel.Contains(me) && challenge.CanScore, null)
            {
                Page = page,
                EntryCount = ranking.Count,
            };
        }
    }
}
