using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Awards;

/// <summary>
/// The winners gallery: awarded entries of every challenge whose results are out and that the visitor may find (an
/// invite-only challenge only for its invited creatives and brand), newest results first, prizes in order.
/// </summary>
public static class ListWinners
{
    public const int PageSize = 12;

    public sealed record Query(int Page = 1) : IQuery<Result>;

    public sealed record Result(IReadOnlyList<ShowcaseEntry> Winners, int Page, bool HasMore);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var viewer = await ChallengeViewer.OfAsync(db, currentUser, cancellationToken);
            var page = Paging.Clamp(query.Page);
            var rows = await (
                    from award in db.Awards.AsNoTracking()
                    join challenge in db.Challenges.Where(viewer.CanFind()) on award.ChallengeId equals challenge.Id
                    join entry in db.Entries.IgnoreAutoIncludes() on award.EntryId equals entry.Id
                    join creative in db.Users on entry.CreativeUserId equals creative.Id
                    where challenge.ResultsAnnouncedAt != null
                    orderby challenge.ResultsAnnouncedAt descending, challenge.Id, award.Rank == 0, award.Rank
                    select new ShowcaseEntry(entry.Id.Value, entry.Title, creative.Id, creative.DisplayName, creative.DeletedAt == null,
                        challenge.Id.Value, challenge.Title, challenge.Slug, award.Rank, award.Amount, award.Currency, challenge.ResultsAnnouncedAt, null))
                .Skip((page - 1) * PageSize)
                .Take(PageSize + 1)
                .ToListAsync(cancellationToken);
            var winners = await rows.Take(PageSize).ToList().WithPreviewsAsync(db, cancellationToken);
            return new Result(winners, page, rows.Count > PageSize);
        }
    }
}
