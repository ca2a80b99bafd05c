using Crowdsource.Application.Awards;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Judging;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>
/// A challenge's entries for moderators (authors named as <see cref="AuthorVisibility"/> allows), oldest first, each flagged when one of its files (same SHA-256) was also
/// submitted to this challenge by another account: a sign of copying that a person must look at.
/// </summary>
public static class ListChallengeEntries
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<Listing>;

    /// <summary>The entries, or none and why when the moderator entered the challenge (a conflict of interest).</summary>
    public sealed record Listing(IReadOnlyList<Row> Rows, string? ConflictOfInterest);

    public sealed record Row(EntryId Id, string Title, string CreativeName, EntryStatus Status, DateTimeOffset SubmittedAt, int FileCount,
        IReadOnlyList<EntryId> SharesFilesWith, int? PrizeRank, EntryThumbnail? Thumbnail = null);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Listing>
    {
        public async ValueTask<Listing> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            if (!currentUser.IsStaff())
            {
                throw new ForbiddenException();
            }

            var challenge = await db.Challenges.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == query.ChallengeId, cancellationToken)
                ?? throw new NotFoundException();
            var conflict = await db.ConflictOfInterestAsync(challenge, userId, cancellationToken);
            if (conflict.HasEntered)
            {
                return new Listing([], conflict.Explanation);
            }

            var entries = await db.Entries.AsNoTracking()
                .Where(entry => entry.ChallengeId == challenge.Id && entry.Status != EntryStatus.Withdrawn)
                .OrderBy(entry => entry.SubmittedAt)
                .ToListAsync(cancellationToken);
            var authors = await db.AuthorNamesAsync(currentUser, challenge, cancellationToken);

            var shared = DuplicateFiles.SharedWithOtherAccounts([.. entries.Select(entry => new DuplicateFiles.Holder(
                entry.Id, entry.ChallengeId, entry.CreativeUserId, [.. entry.Files.Select(file => file.Sha256)]))]);
            var prizes = await db.PrizeRanksAsync([.. entries.Select(entry => entry.Id)], cancellationToken);
            return new Listing([.. entries.Select(entry => new Row(entry.Id, entry.Title, authors[entry.CreativeUserId].Name, entry.Status, entry.SubmittedAt,
                entry.Files.Count, shared[entry.Id], prizes.TryGetValue(entry.Id, out var rank) ? rank : null, ThumbnailOf(entry)))], null);
        }

        private static EntryThumbnail? ThumbnailOf(Entry entry) =>
            entry.Files.OrderBy(file => file.IsImage ? 0 : 1).ThenBy(file => file.Position)
                .Select(file => new EntryThumbnail(file.Id, file.FileName, file.ContentType, file.ThumbnailFileId is not null)).FirstOrDefault();
    }
}
