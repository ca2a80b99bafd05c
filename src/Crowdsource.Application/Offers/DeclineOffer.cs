using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Notifications;
using Crowdsource.Domain.Offers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Offers;

/// <summary>The creative declines an offer made to them: nothing is owed, no right passes; the brand's Owners are told. Anyone else: not found.</summary>
public static class DeclineOffer
{
    public sealed record Command(Guid OfferId) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock, ISiteLinks links) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var offer = await db.MyOfferAsync(currentUser, command.OfferId, cancellationToken);
            if (offer.Status == OfferStatus.Declined)
            {
                return Unit.Value; // the same click twice
            }

            var now = clock.GetUtcNow();
            offer.Decline(userId, now);
            db.Record(userId, Audit.Challenge, offer.ChallengeId.Value, AuditActions.OfferDeclined, AuditFacts.Write(
                (AuditFacts.Offer, offer.Id), (AuditFacts.Entry, offer.EntryId.Value)), now);
            var entryTitle = await db.Entries.AsNoTracking().IgnoreAutoIncludes().Where(entry => entry.Id == offer.EntryId)
                .Select(entry => entry.Title).SingleAsync(cancellationToken);
            await db.NotifyAsync(links, await db.BrandOwnersAsync(offer.BrandId, cancellationToken), NotificationKind.OfferDeclined, entryTitle,
                Recipients.OffersPage(offer.ChallengeId), now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException conflict)
            {
                throw new ConcurrencyConflictException(Messages.OfferAnsweredMeanwhile, conflict);
            }

            return Unit.Value;
        }
    }
}
