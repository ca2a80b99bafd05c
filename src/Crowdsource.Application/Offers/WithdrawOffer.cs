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

/// <summary>The brand's Owner takes back an offer the creative has not answered; the creative is told. Sent twice: harmless.</summary>
public static class WithdrawOffer
{
    public sealed record Command(Guid OfferId) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock, ISiteLinks links) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            currentUser.RequireId();
            var offer = await db.EntryOffers.SingleOrDefaultAsync(candidate => candidate.Id == command.OfferId, cancellationToken)
                ?? throw new NotFoundException();
            var ownerId = await db.RequireOwnerAsync(currentUser, offer.BrandId, cancellationToken);
            if (offer.Status == OfferStatus.Withdrawn)
            {
                return Unit.Value; // the same click twice
            }

            var now = clock.GetUtcNow();
            offer.Withdraw(now);
            db.Record(ownerId, Audit.Challenge, offer.ChallengeId.Value, AuditActions.OfferWithdrawn, AuditFacts.Write(
                (AuditFacts.Offer, offer.Id), (AuditFacts.Entry, offer.EntryId.Value)), now);
            var entryTitle = await db.Entries.AsNoTracking().IgnoreAutoIncludes().Where(entry => entry.Id == offer.EntryId)
                .Select(entry => entry.Title).SingleAsync(cancellationToken);
            await db.NotifyAsync(links, [offer.CreativeUserId], NotificationKind.OfferWithdrawn, entryTitle, Recipients.EntryPage(offer.EntryId), now, cancellationToken);
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
