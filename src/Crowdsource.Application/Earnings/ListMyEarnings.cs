using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Earnings;

/// <summary>Where money a creative earned comes from. Each kind is one source of <see cref="ListMyEarnings"/>.</summary>
public enum EarningKind
{
    /// <summary>A prize their entry won (an award).</summary>
    Prize,

    /// <summary>An offer a brand made on an entry that did not win, accepted by the creative (due from the brand).</summary>
    Offer,

    /// <summary>A share of a challenge's runner-up pool their entry received without winning.</summary>
    RunnerUpReward,
}

/// <summary>
/// The signed-in creative's earnings, newest first: every prize their entries won, awaiting payment or paid, with the
/// documents, and the totals per currency (won, awaiting payment, paid). Each kind of earning is one source projected
/// to the same <see cref="Earning"/>; a new kind adds a source, not a new page. A creative's earnings are few (each is
/// a decided prize), so the sources are merged in memory, and the page shows them by pages of <see cref="PageSize"/>.
/// </summary>
public static class ListMyEarnings
{
    public const int PageSize = 50;

    public sealed record Query(int Page = 1) : IQuery<Result>;

    /// <summary>
    /// One earning. <c>Id</c> is the source's own (the award's); <c>Rank</c> the prize's tier, for prizes; <c>DueSince</c>
    /// when the money became due (the award decided); <c>HasGrant</c> whether the licence passed with it (its PDF exists).
    /// </summary>
    public sealed record Earning(
        EarningKind Kind, Guid Id, Guid ChallengeId, string ChallengeTitle, Guid EntryId, string EntryTitle, int? Rank,
        decimal Amount, string Currency, DateTimeOffset DueSince, DateTimeOffset? PaidAt, bool HasGrant)
    {
        public bool IsPaid => PaidAt is not null;
    }

    /// <summary>What was earned in one currency: <see cref="Won"/> = <see cref="Pending"/> + <see cref="Paid"/>.</summary>
    public sealed record Total(string Currency, decimal Won, decimal Pending, decimal Paid);

    public sealed record Result(IReadOnlyList<Earning> Earnings, IReadOnlyList<Total> Totals, int Page, bool HasMore);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var page = Paging.Clamp(query.Page);
            var earnings = (await PrizesAsync(userId, cancellationToken))
                .Concat(await RunnerUpRewardsAsync(userId, cancellationToken))
                .Concat(await OffersAsync(userId, cancellationToken))
                .OrderBy(earning => earning.IsPaid)
                .ThenByDescending(earning => earning.PaidAt ?? earning.DueSince)
                .ThenBy(earning => earning.Id)
                .ToList();
            var totals = earnings
                .GroupBy(earning => earning.Currency, StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => new Total(group.Key, group.Sum(earning => earning.Amount),
                    group.Where(earning => !earning.IsPaid).Sum(earning => earning.Amount), group.Where(earning => earning.IsPaid).Sum(earning => earning.Amount)))
                .ToList();
            return new Result([.. earnings.Skip((page - 1) * PageSize).Take(PageSize)], totals, page, earnings.Count > page * PageSize);
        }

        private Task<List<Earning>> PrizesAsync(string userId, CancellationToken cancellationToken) => (
                from award in db.Awards.AsNoTracking()
                join entry in db.Entries.IgnoreAutoIncludes() on award.EntryId equals entry.Id
                join challenge in db.Challenges.IgnoreAutoIncludes() on award.ChallengeId equals challenge.Id
                where entry.CreativeUserId == userId
                select new Earning(EarningKind.Prize, award.Id, challenge.Id.Value, challenge.Title, entry.Id.Value, entry.Title, award.Rank,
                    award.Amount, award.Currency, award.DecidedAt, award.PaidAt, db.LicenceGrants.Any(grant => grant.AwardId == award.Id)))
            .ToListAsync(cancellationToken);

        /// <summary>Accepted offers: due since the creative accepted, paid when an admin recorded the brand's payment.</summary>
        private Task<List<Earning>> OffersAsync(string userId, CancellationToken cancellationToken) => (
                from offer in db.EntryOffers.AsNoTracking()
                join entry in db.Entries.IgnoreAutoIncludes() on offer.EntryId equals entry.Id
                join challenge in db.Challenges.IgnoreAutoIncludes() on offer.ChallengeId equals challenge.Id
                where offer.CreativeUserId == userId && offer.Status == Domain.Offers.OfferStatus.Accepted
                select new Earning(EarningKind.Offer, offer.Id, challenge.Id.Value, challenge.Title, entry.Id.Value, entry.Title, null,
                    offer.Amount, offer.Currency, offer.AnsweredAt!.Value, offer.PaidAt, db.LicenceGrants.Any(grant => grant.OfferId == offer.Id)))
            .ToListAsync(cancellationToken);

        /// <summary>Runner-up rewards: due since the results were announced, paid when an admin recorded the payment.</summary>
        private Task<List<Earning>> RunnerUpRewardsAsync(string userId, CancellationToken cancellationToken) => (
                from reward in db.RunnerUpRewards.AsNoTracking()
                join entry in db.Entries.IgnoreAutoIncludes() on reward.EntryId equals entry.Id
                join challenge in db.Challenges.IgnoreAutoIncludes() on reward.ChallengeId equals challenge.Id
                where entry.CreativeUserId == userId
                select new Earning(EarningKind.RunnerUpReward, reward.Id, challenge.Id.Value, challenge.Title, entry.Id.Value, entry.Title, null,
                    reward.Amount, reward.Currency, reward.DecidedAt, reward.PaidAt, db.LicenceGrants.Any(grant => grant.RunnerUpRewardId == reward.Id)))
            .ToListAsync(cancellationToken);
    }
}
