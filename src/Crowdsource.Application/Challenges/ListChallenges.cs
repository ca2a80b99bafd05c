using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Licensing;
using Mediator;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Matches are counted up to this many; past it the list says "more than" and its pager goes on page by page.
    /// Counting all 100,000 challenges cost ten times what reading a page does.
    /// </summary>
    public const int CountLimit = 1000;

    /// <param name="Challenges">The page's cards, in order.</param>
    /// <param name="Page">The page shown (the last one when the one asked for is past the end).</param>
    /// <param name="PageCount">How many pages there are; null when more than <see cref="CountLimit"/> match.</param>
    /// <param name="HasNext">Whether a page follows this one.</param>
    /// <param name="Total">How many challenges match: exact, or <see cref="CountLimit"/> when more do.</param>
    /// <param name="AsOf">The moment the pages are taken as of (the links to other pages carry it).</param>
    public sealed record Result(IReadOnlyList<Card> Challenges, int Page, int? PageCount, bool HasNext, int Total, DateTimeOffset AsOf)
    {
        /// <summary>More than <see cref="Total"/> challenges match.</summary>
        public bool IsMoreThanTotal => PageCount is null;
    }

    /// <summary>
    /// One challenge of the list, with what its card shows beyond the text: the brand's logo (when it has one), whether a
    /// cover image exists, the entries submitted and not withdrawn (counted in SQL), the kind of rights the licence gives, and
    /// whether the prizes are funded.
    /// </summary>
    public sealed record Card(
        ChallengeId Id, string Title, string Slug, string Summary, string BrandName, string BrandSlug, bool BrandVerified,
        ChallengeCategory? Category, ChallengeStatus Status, decimal TotalPrize, string? Currency,
        DateTimeOffset? OpensAt, DateTimeOffset? Deadline, DateTimeOffset? JudgingDeadline, bool InviteOnly,
        Guid? BrandLogoFileId = null, bool HasCover = false, int EntryCount = 0, LicenceScope? Licence = null, bool PrizeFunded = false);

    /// <summary>What a challenge is sorted by (member initialisers, so that EF Core can see through it).</summary>
    private sealed class SortKey
    {
        public required ChallengeId Id { get; init; }

        public required DateTimeOffset? Deadline { get; init; }

        public required decimal Prize { get; init; }

        public required DateTimeOffset? PublishedAt { get; init; }

        /// <summary>In the deadline order: 0 open (or upcoming), 1 closed and not finished (judging), 2 finished.</summary>
        public int Group { get; init; }

        public ChallengeStatus Status { get; init; }
    }

    private sealed class PageRow
    {
        public required ChallengeId Id { get; init; }

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

            IQueryable<Challenge> rows = db.Challenges.AsNoTracking()
                .Where(viewer.CanFind())
                .Where(challenge => challenge.PublishedAt <= asOf);

            var criteria = new ChallengeCriteria(query.Search, query.Category, query.MinimumPrize, query.MaximumPrize, query.Brand);
            var searching = criteria.HasText;
            rows = criteria.Filter(rows, db);

            var soon = now + ClosingSoon;
            rows = query.In switch
            {
                Phase.Upcoming => rows.Where(challenge => challenge.Status == ChallengeStatus.Scheduled),
                Phase.Open => rows.Where(challenge => challenge.Status == ChallengeStatus.Open),
                Phase.ClosingSoon => rows.Where(challenge => challenge.Status == ChallengeStatus.Open && challenge.SubmissionDeadline <= soon),
                Phase.Judging => rows.Where(challenge => challenge.Status == ChallengeStatus.Judging),
                Phase.Finished => rows.Where(challenge => challenge.Status == ChallengeStatus.WinnersAnnounced || challenge.Status == ChallengeStatus.Completed),
                _ => rows,
            };

            // The page's ids first, sorted on the challenges alone, with the (capped) total in the same round trip:
            // an uncorrelated subquery PostgreSQL counts once. Then the cards of those ids only.
            var page = Paging.Clamp(query.Page);
            var ids = await PageAsync(rows, query.Sort, searching, now, page, cancellationToken);
            if (ids.Count == 0 && page > 1)
            {
                // Past the end (an outdated or mistyped link): the last page, found with an exact count.
                page = Math.Max(1, (await rows.CountAsync(cancellationToken) + PageSize - 1) / PageSize);
                ids = await PageAsync(rows, query.Sort, searching, now, page, cancellationToken);
            }

            var counted = ids.Count > 0 ? ids[0].Total : 0;
            var pageCount = counted > CountLimit ? (int?)null : Math.Max(1, (counted + PageSize - 1) / PageSize);
            var cards = await CardsAsync([.. ids.Take(PageSize).Select(row => row.Id)], cancellationToken);
            return new Result(cards, page, pageCount, ids.Count > PageSize, Math.Min(counted, CountLimit), asOf);
        }

        /// <summary>One more id than a page holds (it tells whether a next page exists), in the order asked for.</summary>
        private static Task<List<PageRow>> PageAsync(
            IQueryable<Challenge> rows, Order order, bool search, DateTimeOffset now, int page, CancellationToken cancellationToken)
        {
            var skip = (page - 1) * PageSize;
            var keys = rows.Select(challenge => new SortKey
            {
                Id = challenge.Id, Deadline = challenge.SubmissionDeadline, Prize = challenge.TotalPrize, PublishedAt = challenge.PublishedAt,
                Status = challenge.Status,
            });
            var sorted = order switch
            {
                Order.Prize => keys.OrderByDescending(key => key.Prize).ThenBy(key => key.Id),
                Order.Newest => keys.OrderByDescending(key => key.PublishedAt).ThenBy(key => key.Id),
                // A search matches few challenges: sorting them is cheaper than reading two ranges of every one.
                _ when search => keys.OrderBy(key => key.Deadline < now ? (key.Status == ChallengeStatus.WinnersAnnounced || key.Status == ChallengeStatus.Completed ? 2 : 1) : 0)
                    .ThenBy(key => key.Deadline < now && (key.Status == ChallengeStatus.WinnersAnnounced || key.Status == ChallengeStatus.Completed) ? null : key.Deadline)
                    .ThenByDescending(key => key.Deadline).ThenBy(key => key.Id),
                _ => OpenFirst(keys, now, skip + PageSize + 1),
            };
            // Counted in the deadline index's order, which PostgreSQL reads as it is (a limit without an order is
            // what EF Core warns about on every query).
            var counted = rows.OrderBy(challenge => challenge.SubmissionDeadline).ThenBy(challenge => challenge.Id).Take(CountLimit + 1);
            return sorted.Skip(skip).Take(PageSize + 1)
                .Select(key => new PageRow { Id = key.Id, Total = counted.Count() })
                .ToListAsync(cancellationToken);
        }

        /// <summary>
        /// Soonest deadline first; then the challenges whose submissions have closed and are still being judged (the
        /// earliest closed, whose results come first, first), then the finished ones (the latest closed first): three ranges
        /// of the deadline index read in order (each up to the rows the page needs) instead of sorting every challenge on an
        /// expression of the current time. Listed challenges always have a deadline.
        /// </summary>
        private static IOrderedQueryable<SortKey> OpenFirst(IQueryable<SortKey> keys, DateTimeOffset now, int needed)
        {
            var open = keys.Where(key => key.Deadline >= now).OrderBy(key => key.Deadline).ThenBy(key => key.Id).Take(needed)
                .Select(key => new SortKey { Id = key.Id, Deadline = key.Deadline, Prize = key.Prize, PublishedAt = key.PublishedAt, Group = 0 });
            var judging = keys.Where(key => key.Deadline < now && key.Status != ChallengeStatus.WinnersAnnounced && key.Status != ChallengeStatus.Completed)
                .OrderBy(key => key.Deadline).ThenBy(key => key.Id).Take(needed)
                .Select(key => new SortKey { Id = key.Id, Deadline = key.Deadline, Prize = key.Prize, PublishedAt = key.PublishedAt, Group = 1 });
            var finished = keys.Where(key => key.Deadline < now && (key.Status == ChallengeStatus.WinnersAnnounced || key.Status == ChallengeStatus.Completed))
                .OrderByDescending(key => key.Deadline).ThenBy(key => key.Id).Take(needed)
                .Select(key => new SortKey { Id = key.Id, Deadline = key.Deadline, Prize = key.Prize, PublishedAt = key.PublishedAt, Group = 2 });
            return open.Concat(judging).Concat(finished).OrderBy(key => key.Group)
                .ThenBy(key => key.Group == 2 ? null : key.Deadline).ThenByDescending(key => key.Deadline).ThenBy(key => key.Id);
        }

        private async Task<IReadOnlyList<Card>> CardsAsync(List<ChallengeId> ids, CancellationToken cancellationToken)
        {
            if (ids.Count == 0)
            {
                return [];
            }

            var cards = await db.Challenges.AsNoTracking()
                .Where(challenge => ids.Contains(challenge.Id))
                .Join(db.Brands, challenge => challenge.BrandId, brand => brand.Id, (challenge, brand) => new Card(
                    challenge.Id, challenge.Title, challenge.Slug, challenge.Summary, brand.Name, brand.Slug, brand.IsVerified,
                    challenge.Category, challenge.Status, challenge.TotalPrize, challenge.PrizeTiers.Select(tier => tier.Currency).FirstOrDefault(),
                    challenge.SubmissionOpensAt, challenge.SubmissionDeadline, challenge.JudgingDeadline,
                    challenge.Visibility == ChallengeVisibility.InviteOnly,
                    brand.LogoFileId, challenge.CoverFileId != null,
                    db.Entries.IgnoreAutoIncludes().Count(entry => entry.ChallengeId == challenge.Id && entry.Status != EntryStatus.Withdrawn),
                    db.LicenceVersions.Where(version => version.Id == challenge.LicenceVersionId).Select(version => (LicenceScope?)version.Scope).FirstOrDefault(),
                    challenge.PrizeFundedAt != null))
                .ToListAsync(cancellationToken);
            return [.. cards.OrderBy(card => ids.IndexOf(card.Id))];
        }
    }
}
