using Crowdsource.Application.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Offers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Offers;

/// <summary>
/// The offers brands made to the signed-in creative (all, or those on one entry), newest first, as they stand now:
/// amount, message, the licence that would apply (title, summary and full text in the reader's language), when they expire, and whether they can still be answered. Nobody
/// else's offers are ever listed.
/// </summary>
public static class ListMyOffers
{
    public sealed record Query(EntryId? EntryId = null) : IQuery<IReadOnlyList<Offer>>;

    public sealed record Offer(
        Guid Id, Guid EntryId, string EntryTitle, Guid ChallengeId, string ChallengeTitle, string BrandName, decimal Amount, string Currency,
        string Message, Guid LicenceVersionId, string LicenceTitle, string LicenceSummary, string LicenceText, OfferStatus Status, DateTimeOffset MadeAt,
        DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt, DateTimeOffset? PaidAt)
    {
        public bool CanAnswer => Status == OfferStatus.Pending;
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Offer>>
    {
        public async ValueTask<IReadOnlyList<Offer>> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var now = clock.GetUtcNow();
            var offers = db.EntryOffers.AsNoTracking().Where(offer => offer.CreativeUserId == userId);
            if (query.EntryId is { } entryId)
            {
                offers = offers.Where(offer => offer.EntryId == entryId);
            }

            var rows = await (
                    from offer in offers
                    join entry in db.Entries.IgnoreAutoIncludes() on offer.EntryId equals entry.Id
                    join challenge in db.Challenges on offer.ChallengeId equals challenge.Id
                    join brand in db.Brands on offer.BrandId equals brand.Id
                    join licence in db.LicenceVersions on offer.LicenceVersionId equals licence.Id
                    orderby offer.MadeAt descending, offer.Id
                    select new { offer, EntryTitle = entry.Title, ChallengeTitle = challenge.Title, BrandName = brand.Name, licence })
                .ToListAsync(cancellationToken);
            var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return rows.ConvertAll(row => new Offer(row.offer.Id, row.offer.EntryId.Value, row.EntryTitle, row.offer.ChallengeId.Value, row.ChallengeTitle,
                row.BrandName, row.offer.Amount, row.offer.Currency, row.offer.Message, row.offer.LicenceVersionId, row.licence.TitleIn(language),
                row.licence.SummaryIn(language), row.licence.FullTextIn(language),
                row.offer.StatusAt(now), row.offer.MadeAt, row.offer.ExpiresAt, row.offer.AnsweredAt, row.offer.PaidAt));
        }
    }
}
