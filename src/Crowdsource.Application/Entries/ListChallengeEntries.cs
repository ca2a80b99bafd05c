using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>
/// A challenge's entries for moderators, oldest first, each flagged when one of its files (same SHA-256) was also
/// submitted to this challenge by another account: a sign of copying that a person must look at.
/// </summary>
public static class ListChallengeEntries
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(EntryId Id, string Title, string CreativeName, EntryStatus Status, DateTimeOffset SubmittedAt, int FileCount,
        IReadOnlyList<EntryId> SharesFilesWith);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!currentUser.IsStaff())
            {
                throw new ForbiddenException();
            }

            var entries = await db.Entries.AsNoTracking()
                .Where(entry => entry.ChallengeId == query.ChallengeId && entry.Status != EntryStatus.Withdrawn)
                .OrderBy(entry => entry.SubmittedAt)
                .Join(db.Users, entry => entry.CreativeUserId, user => user.Id, (entry, user) => new { Entry = entry, user.DisplayName })
                .ToListAsync(cancellationToken);

            var shared = DuplicateFiles.SharedWithOtherAccounts([.. entries.Select(row => new DuplicateFiles.Holder(
                row.Entry.Id, row.Entry.ChallengeId, row.Entry.CreativeUserId, [.. row.Entry.Files.Select(file => file.Sha256)]))]);
            return [.. entries.Select(row => new Row(row.Entry.Id, row.Entry.Title, row.DisplayName, row.Entry.Status, row.Entry.SubmittedAt,
                row.Entry.Files.Count, shared[row.Entry.Id]))];
        }
    }
}
