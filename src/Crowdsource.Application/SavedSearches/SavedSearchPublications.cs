using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.SavedSearches;

/// <summary>The challenges published in a window of time that a saved search matches: what its notifications and digests announce.</summary>
internal static class SavedSearchPublications
{
    /// <summary>
    /// A publication is announced once it is this old: a transaction that publishes stamps its time before it commits,
    /// so a window that ended just now could still gain a challenge that a search has already looked past.
    /// </summary>
    public static readonly TimeSpan Settling = TimeSpan.FromMinutes(1);

    public sealed record Match(ChallengeId Id, string Title, string BrandName, DateTimeOffset PublishedAt);

    public static DateTimeOffset SettledBefore(DateTimeOffset now) => now - Settling;

    /// <summary>Public listed challenges published after <paramref name="after"/> and up to <paramref name="upTo"/>, oldest first.</summary>
    public static async Task<List<Match>> MatchingAsync(
        ICrowdsourceDb db, SavedSearch search, DateTimeOffset after, DateTimeOffset upTo, int limit, CancellationToken cancellationToken)
    {
        var published = db.Challenges.AsNoTracking()
            .Where(ChallengeViewer.Anonymous.CanFind())
            .Where(challenge => challenge.PublishedAt > after && challenge.PublishedAt <= upTo);
        var matches = await SavedSearchCriteria.Of(search).Filter(published, db)
            .OrderBy(challenge => challenge.PublishedAt).ThenBy(challenge => challenge.Id)
            .Take(limit)
            .Join(db.Brands, challenge => challenge.BrandId, brand => brand.Id,
                (challenge, brand) => new Match(challenge.Id, challenge.Title, brand.Name, challenge.PublishedAt!.Value))
            .ToListAsync(cancellationToken);
        return [.. matches.OrderBy(match => match.PublishedAt).ThenBy(match => match.Id.Value)];
    }
}
