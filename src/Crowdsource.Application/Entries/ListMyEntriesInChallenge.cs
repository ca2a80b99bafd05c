using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>
/// The signed-in creative's entries in one challenge, withdrawn ones left out, newest first: the challenge page leads
/// to them from its key facts. Someone not signed in has none.
/// </summary>
public static class ListMyEntriesInChallenge
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(EntryId Id, string Title, EntryStatus Status);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (currentUser.Id is not { } userId)
            {
                return [];
            }

            return await db.Entries.AsNoTracking().IgnoreAutoIncludes()
                .Where(entry => entry.ChallengeId == query.ChallengeId && entry.CreativeUserId == userId && entry.Status != EntryStatus.Withdrawn)
                .OrderByDescending(entry => entry.SubmittedAt).ThenByDescending(entry => entry.Id)
                .Select(entry => new Row(entry.Id, entry.Title, entry.Status))
                .ToListAsync(cancellationToken);
        }
    }
}
