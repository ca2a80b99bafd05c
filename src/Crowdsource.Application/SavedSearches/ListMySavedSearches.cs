using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.SavedSearches;

/// <summary>The signed-in person's saved searches, newest first.</summary>
public static class ListMySavedSearches
{
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Name, ChallengeCriteria Criteria, bool EmailDigest, DateTimeOffset CreatedAt);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var searches = await db.SavedSearches.AsNoTracking()
                .Where(search => search.UserId == userId)
                .OrderByDescending(search => search.CreatedAt)
                .ToListAsync(cancellationToken);
            return [.. searches.Select(search => new Item(search.Id, search.Name, SavedSearchCriteria.Of(search), search.EmailDigest, search.CreatedAt))];
        }
    }
}
