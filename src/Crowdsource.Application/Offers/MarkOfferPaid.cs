using Crowdsource.Application.Administration;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Funding;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Offers;

/// <summary>
/// An admin records that the brand paid an accepted offer, with the payment's reference. Only now does the licence the
/// creative accepted with the offer pass to the brand (the grant is written). The money came from the brand, not from
/// the challenge's prize pool: the ledger line (<see cref="LedgerMovement.OfferPaid"/>) leaves the pool's balance as it
/// was. The creative and the brand's Owners are told. The same payment posted twice changes nothing; two admins at once:
/// one wins (one ledger line, one grant), the other is told.
/// </summary>
public static class MarkOfferPaid
{
    /// <summary>The offer, its version as the admin saw it (xmin), and the payment's reference.</summary>
    public sealed record Command(Guid OfferId, uint Version, string PaymentReference) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.PaymentReference)
            .Must(PaymentReference.IsValid)
            .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, Messages.PaymentReferenceInvalid, PaymentReference.MaximumLength));
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, ISiteLinks links, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var adminId = currentUser.RequireAdmin();
            var challengeId = (await db.EntryOffers.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == command.OfferId, cancellationToken)
                ?? throw new NotFoundException()).ChallengeId;
            // Money movements of one challenge take turns (as for prizes): the second of two admins reads the offer as
            // the first left it.
            var challenge = await db.LockChallengeAsync(challengeId, cancellationToken);
            var offer = await db.EntryOffers.SingleAsync(candidate => candidate.Id == command.OfferId, cancellationToken);
            if (offer.IsPaid)
            {
                // The same payment posted twice is harmless; a different reference would be a second payment.
                return offer.PaymentReference == command.PaymentReference.Trim()
                    ? Unit.Value
                    : throw new ConcurrencyConflictException(Messages.OfferPaidMeanwhile);
            }

            db.EntryOffers.Entry(offer).Property(candidate => candidate.Version).OriginalValue = command.Version;
            var entry = await db.Entries.SingleAsync(candidate => candidate.Id == offer.EntryId, cancellationToken);
            var now = clock.GetUtcNow();
            var grant = offer.MarkPaid(challenge, entry, adminId, command.PaymentReference, now);
            db.LicenceGrants.Add(grant);
            db.LedgerEntries.Add(LedgerEntry.OfferPaid(challenge, offer, adminId, now));
            db.Record(adminId, Audit.Challenge, challenge.Id.Value, AuditActions.OfferPaid, AuditFacts.Write(
                (AuditFacts.Offer, offer.Id), (AuditFacts.Amount, offer.Amount), (AuditFacts.Currency, offer.Currency),
                (AuditFacts.Reference, offer.PaymentReference), (AuditFacts.Entry, entry.Id.Value)), now);
            var owners = await db.BrandOwnersAsync(challenge.BrandId, cancellationToken);
            await db.NotifyAsync(links, [entry.CreativeUserId, .. owners], NotificationKind.OfferPaid, entry.Title,
                Recipients.EntryPage(entry.Id), now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException conflict) when (conflict is DbUpdateConcurrencyException || conflict.IsUniqueViolation())
            {
                throw new ConcurrencyConflictException(Messages.OfferPaidMeanwhile, conflict);
            }

            return Unit.Value;
        }
    }
}
