using Crowdsource.Application.Awards;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>
/// The signed-in creative's entries, newest first, with their challenge and status, a page at a time (previous/next,
/// no total): one query over the index on (creative, submitted at), whatever the number of entries.
/// </summary>
public static class ListMyEntries
{
    public const int PageSize = 50;

    public sealed record Query(int Page = 1) : IQuery<Result>;

    public sealed record Row(EntryId Id, string Title, EntryStatus Status, DateTimeOffset SubmittedAt, int FileCount,
        Guid ChallengeId, string ChallengeTitle, ChallengeStatus ChallengeStatus, DateTimeOffset? Deadline, int? PrizeRank, EntryThumbnail? Thumbnail = null,
        bool NewFeedback = false);

    public sealed record Result(IReadOnlyList<Row> Rows, int Page, bool HasMore);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var page = Paging.Clamp(query.Page);
            var rows = await db.Entries.AsNoTracking().IgnoreAutoIncludes()
                .Where(entry => entry.CreativeUserId == userId)
                .OrderByDescending(entry => entry.SubmittedAt).ThenByDescending(entry => entry.Id)
                .Skip((page - 1) * PageSize)
                .Take(PageSize + 1)
                .Join(db.Challenges, entry => entry.ChallengeId, challenge => challenge.Id, (entry, challenge) => new { entry, challenge })
                .OrderByDescending(row => row.entry.SubmittedAt).ThenByDescending(row => row.entry.Id)
                .Select(row => new Row(row.entry.Id, row.entry.Title, row.entry.Status, row.entry.SubmittedAt, row.entry.Files.Count,
                    row.challenge.Id.Value, row.challenge.Title, row.challenge.Status, row.challenge.SubmissionDeadline, null,
                    row.entry.Files.OrderBy(file => EF.Functions.Like(file.ContentType, "image/%") ? 0 : 1).ThenBy(file => file.Position)
                        .Select(file => new EntryThumbnail(file.Id, file.FileName, file.ContentType, file.ThumbnailFileId != null)).FirstOrDefault(),
                    // Feedback the brand gave since the author last revised the entry.
                    db.EntryRatings.Any(rating => rating.EntryId == row.entry.Id && (row.entry.RevisedAt == null || rating.RatedAt > row.entry.RevisedAt))))
                .ToListAsync(cancellationToken);
            var shown = rows.Take(PageSize).ToList();
            var prizes = await db.PrizeRanksAsync([.. shown.Select(row => row.Id)], cancellationToken);
            return new Result([.. shown.Select(row => prizes.TryGetValue(row.Id, out var rank) ? row with { PrizeRank = rank } : row)], page, rows.Count > PageSize);
        }
    }
}
