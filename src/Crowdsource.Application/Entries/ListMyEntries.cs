using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>The signed-in creative's entries, newest first, with their challenge and status.</summary>
public static class ListMyEntries
{
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(EntryId Id, string Title, EntryStatus Status, DateTimeOffset SubmittedAt, int FileCount,
        Guid ChallengeId, string ChallengeTitle, ChallengeStatus ChallengeStatus, DateTimeOffset? Deadline);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            return await db.Entries.AsNoTracking().IgnoreAutoIncludes()
                .Where(entry => entry.CreativeUserId == userId)
                .Join(db.Challenges, entry => entry.ChallengeId, challenge => challenge.Id, (entry, challenge) => new { entry, challenge })
                .OrderByDescending(row => row.entry.SubmittedAt)
                .Select(row => new Row(row.entry.Id, row.entry.Title, row.entry.Status, row.entry.SubmittedAt, row.entry.Files.Count,
                    row.challenge.Id.Value, row.challenge.Title, row.challenge.Status, row.challenge.SubmissionDeadline))
                .ToListAsync(cancellationToken);
        }
    }
}
