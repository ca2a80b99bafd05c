using Crowdsource.Application.Administration;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Offers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Offers;

/// <summary>Accepted offers, for the admins who record the brands' payments: unpaid first (oldest acceptance first), then paid, newest first.</summary>
public static class ListOffersToPay
{
    public const int PageSize = 50;

    public sealed record Query(int Page = 1) : IQuery<Result>;

    public sealed record Row(
        Guid Id, Guid ChallengeId, string ChallengeTitle, string BrandName, Guid EntryId, string EntryTitle, string CreativeName,
        decimal Amount, string Currency, DateTimeOffset AcceptedAt, DateTimeOffset? PaidAt, string? PaymentReference, uint Version)
    {
        public bool IsPaid => PaidAt is not null;
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int Page, bool HasMore);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            currentUser.RequireAdmin();
            var page = Paging.Clamp(query.Page);
            var rows = await (
                    from offer in db.EntryOffers.AsNoTracking()
                    where offer.Status == OfferStatus.Accepted
                    join challenge in db.Challenges on offer.ChallengeId equals challenge.Id
                    join brand in db.Brands on offer.BrandId equals brand.Id
                    join entry in db.Entries.IgnoreAutoIncludes() on offer.EntryId equals entry.Id
                    join creative in db.Users on offer.CreativeUserId equals creative.Id
                    orderby offer.PaidAt == null descending, offer.PaidAt descending, offer.AnsweredAt, offer.Id
                    select new Row(offer.Id, challenge.Id.Value, challenge.Title, brand.Name, entry.Id.Value, entry.Title, creative.DisplayName,
                        offer.Amount, offer.Currency, offer.AnsweredAt!.Value, offer.PaidAt, offer.PaymentReference, offer.Version))
                .Skip((page - 1) * PageSize)
                .Take(PageSize + 1)
                .ToListAsync(cancellationToken);
            return new Result([.. rows.Take(PageSize)], page, rows.Count > PageSize);
        }
    }
}
