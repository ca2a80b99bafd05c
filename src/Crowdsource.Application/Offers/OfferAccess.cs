using Crowdsource.Application.Brands;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Offers;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Offers;

/// <summary>
/// Who may touch an offer. The brand's members see their brand's offers; only its Owner commits money (makes or
/// withdraws one: an Editor is refused, 403). The creative the offer is for answers it. Anyone else learns nothing (404).
/// </summary>
internal static class OfferAccess
{
    /// <summary>Refuses unless the signed-in person is an Owner of the brand: 404 outside it, 403 for an Editor.</summary>
    public static async Task<string> RequireOwnerAsync(this ICrowdsourceDb db, ICurrentUser user, BrandId brandId, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        if (!await db.IsMemberAsync(brandId, userId, cancellationToken))
        {
            throw new NotFoundException();
        }

        return await db.IsMemberAsync(brandId, userId, cancellationToken, BrandRole.Owner) ? userId : throw new ForbiddenException();
    }

    /// <summary>An offer made to the signed-in creative (tracked, to answer it); anyone else: not found.</summary>
    public static async Task<EntryOffer> MyOfferAsync(this ICrowdsourceDb db, ICurrentUser user, Guid offerId, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        return await db.EntryOffers.SingleOrDefaultAsync(offer => offer.Id == offerId && offer.CreativeUserId == userId, cancellationToken)
            ?? throw new NotFoundException();
    }
}
