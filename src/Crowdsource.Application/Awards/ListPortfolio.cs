using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Awards;

/// <summary>
/// A creative's portfolio on their public profile: the entries they published after results, and the entries that won
/// a prize (public once the results are out, in challenges the visitor may find). Newest first.
/// </summary>
public static class ListPortfolio
{
    public const int Limit = 60;

    public sealed record Query(string UserId) : IQuery<IReadOnlyList<ShowcaseEntry>>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<ShowcaseEntry>>
    {
        public async ValueTask<IReadOnlyList<ShowcaseEntry>> Handle(Query query, CancellationToken cancellationToken)
        {
            var viewer = await ChallengeViewer.OfAsync(db, currentUser, cancellationToken);
            // Asked per entry (EXISTS on the primary key): the creative's few hundred entries, never every challenge.
            var findable = db.Challenges.Where(viewer.CanFind());
            var rows = await (
                    from entry in db.Entries.AsNoTracking().IgnoreAutoIncludes()
                    join challenge in db.Challenges on entry.ChallengeId equals challenge.Id
                    join creative in db.Users on entry.CreativeUserId equals creative.Id
                    from award in db.Awards.Where(award => award.EntryId == entry.Id).DefaultIfEmpty()
                    where entry.CreativeUserId == query.UserId && creative.DeletedAt == null
                        && (entry.PublishedToPortfolioAt != null
                            || (award != null && challenge.ResultsAnnouncedAt != null && findable.Any(candidate => candidate.Id == challenge.Id)))
                    orderby challenge.ResultsAnnouncedAt descending, entry.SubmittedAt descending
                    select new ShowcaseEntry(entry.Id.Value, entry.Title, creative.Id, creative.DisplayName, true,
                        challenge.Id.Value, challenge.Title, challenge.Slug, award == null ? null : award.Rank, award == null ? null : award.Amount,
                        award == null ? null : award.Currency, challenge.ResultsAnnouncedAt, null))
                .Take(Limit)
                .ToListAsync(cancellationToken);
            return await rows.WithPreviewsAsync(db, cancellationToken);
        }
    }
}
