using Crowdsource.Application.Common;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Crowdsource.Application.Challenges;

/// <summary>
/// The public challenge list: full-text search (English and French stemming) over title, summary, brief and
/// brand; filters; three sorts. Pages are taken "as of" the moment the first page was read, so challenges
/// published meanwhile never push others from one page to the next.
/// </summary>
public static class ListChallenges
{
    public const int PageSize = 12;

    /// <summary>A challenge is "closing soon" when its deadline is at most this far.</summary>
    public static readonly TimeSpan ClosingSoon = TimeSpan.FromDays(3);

    public enum Phase
    {
        Any,
        Upcoming,
        Open,
        ClosingSoon,
        Judging,
        Finished,
    }

    public enum Order
    {
        Deadline,
        Prize,
        Newest,
    }

    public sealed record Query(
        string? Search = null, ChallengeCategory? Category = null, Phase In = Phase.Any, decimal? MinimumPrize = null,
        decimal? MaximumPrize = null, string? Brand = null, Order Sort = Order.Deadline, int Page = 1, DateTimeOffset? AsOf = null)
        : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Card> Challenges, int Page, int PageCount, int Total, DateTimeOffset AsOf);

    public sealed record Card(
        ChallengeId Id, string Title, string Slug, string Summary, string BrandName, string BrandSlug, bool BrandVerified,
        ChallengeCategory? Category, ChallengeStatus Status, decimal TotalPrize, string? Currency,
        DateTimeOffset? OpensAt, DateTimeOffset? Deadline, DateTimeOffset? JudgingDeadline, bool InviteOnly);

    /// <summary>A challenge with its brand (member initialisers, so that EF Core can see through it).</summary>
    private sealed class Row
    {
        public required Challenge Challenge { get; init; }

        public required Brand Brand { get; init; }
    }

    private sealed class PageRow
    {
        public required Card Card { get; init; }

        public required int Total { get; init; }
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            // PostgreSQL takes instants in UTC only: a link may carry another offset.
            var asOf = query.AsOf is { } given && given <= now ? given.ToUniversalTime() : now;
            var viewer = await ChallengeViewer.OfAsync(db, currentUser, cancellationToken);

            var rows = db.Challenges.AsNoTracking()
                .Where(viewer.CanFind())
                .Where(challenge => challenge.PublishedAt <= asOf)
                .Join(db.Brands, challenge => challenge.BrandId, brand => brand.Id, (challenge, brand) => new Row { Challenge = challenge, Brand = brand });

            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var matching = Matching(query.Search.Trim());
                rows = rows.Where(row => matching.Contains(row.Challenge.Id));
            }

            if (query.Category is { } category)
            {
                rows = rows.Where(row => row.Challenge.Category == category);
            }

            if (!string.IsNullOrWhiteSpace(query.Brand))
            {
                rows = rows.Where(row => row.Brand.Slug == query.Brand);
            }

            if (query.MinimumPrize is { } minimum)
            {
                rows = rows.Where(row => row.Challenge.TotalPrize >= minimum);
            }

            if (query.MaximumPrize is { } maximum)
            {
                rows = rows.Where(row => row.Challenge.TotalPrize <= maximum);
            }

            var soon = now + ClosingSoon;
            rows = query.In switch
            {
                Phase.Upcoming => rows.Where(row => row.Challenge.Status == ChallengeStatus.Scheduled),
                Phase.Open => rows.Where(row => row.Challenge.Status == ChallengeStatus.Open),
                Phase.ClosingSoon => rows.Where(row => row.Challenge.Status == ChallengeStatus.Open && row.Challenge.SubmissionDeadline <= soon),
                Phase.Judging => rows.Where(row => row.Challenge.Status == ChallengeStatus.Judging),
                Phase.Finished => rows.Where(row => row.Challenge.Status == ChallengeStatus.WinnersAnnounced || row.Challenge.Status == ChallengeStatus.Completed),
                _ => rows,
            };

            var ordered = query.Sort switch
            {
                Order.Prize => rows.OrderByDescending(row => row.Challenge.TotalPrize).ThenBy(row => row.Challenge.Id),
                Order.Newest => rows.OrderByDescending(row => row.Challenge.PublishedAt).ThenBy(row => row.Challenge.Id),
                // Soonest deadline first; challenges whose submissions have closed come after the open ones.
                _ => rows.OrderBy(row => row.Challenge.SubmissionDeadline < now).ThenBy(row => row.Challenge.SubmissionDeadline).ThenBy(row => row.Challenge.Id),
            };

            // One round trip: the page and the total (an uncorrelated subquery PostgreSQL counts once). Only a page
            // past the end, which has no row to carry the total, costs a second query.
            var page = Math.Max(1, query.Page);
            var cards = await PageAsync(ordered, rows, page, cancellationToken);
            var total = cards.Count > 0 ? cards[0].Total : page > 1 ? await rows.CountAsync(cancellationToken) : 0;
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            if (page > pageCount)
            {
                page = pageCount;
                cards = await PageAsync(ordered, rows, page, cancellationToken);
            }

            return new Result([.. cards.Select(row => row.Card)], page, pageCount, total, asOf);
        }

        /// <summary>
        /// Ids of the challenges whose text, or whose brand's name, matches: two indexed lookups (the challenges'
        /// stored search vector, the brands' name index) united, instead of a text vector computed on every row.
        /// </summary>
        private IQueryable<ChallengeId> Matching(string search)
        {
            var brands = db.Brands.Where(brand => EF.Functions.ToTsVector("simple", brand.Name).Matches(EF.Functions.WebSearchToTsQuery("simple", search)))
                .Select(brand => brand.Id);
            return db.Challenges
                .Where(challenge =>
                    EF.Property<NpgsqlTsVector>(challenge, "SearchVector").Matches(EF.Functions.WebSearchToTsQuery("english", search))
                    || EF.Property<NpgsqlTsVector>(challenge, "SearchVector").Matches(EF.Functions.WebSearchToTsQuery("french", search)))
                .Select(challenge => challenge.Id)
                .Union(db.Challenges.Where(challenge => brands.Contains(challenge.BrandId)).Select(challenge => challenge.Id));
        }

        private static Task<List<PageRow>> PageAsync(
            IQueryable<Row> ordered, IQueryable<Row> rows, int page, CancellationToken cancellationToken) =>
            ordered.Skip((page - 1) * PageSize).Take(PageSize)
                .Select(row => new PageRow
                {
                    Card = new Card(row.Challenge.Id, row.Challenge.Title, row.Challenge.Slug, row.Challenge.Summary,
                        row.Brand.Name, row.Brand.Slug, row.Brand.IsVerified, row.Challenge.Category, row.Challenge.Status,
                        row.Challenge.TotalPrize, row.Challenge.PrizeTiers.Select(tier => tier.Currency).FirstOrDefault(),
                        row.Challenge.SubmissionOpensAt, row.Challenge.SubmissionDeadline,
                        row.Challenge.JudgingDeadline, row.Challenge.Visibility == ChallengeVisibility.InviteOnly),
                    Total = rows.Count(),
                })
                .ToListAsync(cancellationToken);
    }
}
