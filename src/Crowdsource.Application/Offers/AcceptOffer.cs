using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Funding;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Notifications;
using Crowdsource.Domain.Offers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Offers;

/// <summary>
/// The creative accepts an offer made to them, ticking that they accept its licence (the version the page showed):
/// the offer keeps that acceptance (version, SHA-256 of the text, when, from where). Nothing passes yet: the brand's
/// Owners are told, and the admins, who record the brand's payment; then the grant is written. Anyone but the creative:
/// not found. Accepting twice is harmless; the brand withdrawing at the same moment: one of the two wins.
/// </summary>
public static class AcceptOffer
{
    public sealed record Command(Guid OfferId, Guid AcceptedLicenceVersionId, bool AcceptedLicence) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, IRequestOrigin origin, TimeProvider clock, ISiteLinks links)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var offer = await db.MyOfferAsync(currentUser, command.OfferId, cancellationToken);
            if (offer.Status == OfferStatus.Accepted)
            {
                return Unit.Value; // the same click twice
            }

            var licence = await db.LicenceVersions.AsNoTracking().SingleAsync(version => version.Id == offer.LicenceVersionId, cancellationToken);
            var now = clock.GetUtcNow();
            offer.Accept(userId, licence, command.AcceptedLicenceVersionId, command.AcceptedLicence, origin.IpAddress, origin.UserAgent, now);
            db.Record(userId, Audit.Challenge, offer.ChallengeId.Value, AuditActions.OfferAccepted, AuditFacts.Write(
                (AuditFacts.Offer, offer.Id), (AuditFacts.Amount, offer.Amount), (AuditFacts.Currency, offer.Currency),
                (AuditFacts.Entry, offer.EntryId.Value)), now);
            var entryTitle = await db.Entries.AsNoTracking().IgnoreAutoIncludes().Where(entry => entry.Id == offer.EntryId)
                .Select(entry => entry.Title).SingleAsync(cancellationToken);
            var owners = await db.BrandOwnersAsync(offer.BrandId, cancellationToken);
            await db.NotifyAsync(links, owners, NotificationKind.OfferAccepted, entryTitle, Recipients.OffersPage(offer.ChallengeId), now, cancellationToken);
            await db.NotifyAsync(links, await db.AdminsAsync(cancellationToken), NotificationKind.OfferToPay, entryTitle, Recipients.PaymentsDesk, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException conflict) when (conflict is DbUpdateConcurrencyException || conflict.IsUniqueViolation())
            {
                throw new ConcurrencyConflictException(Messages.OfferAnsweredMeanwhile, conflict);
            }

            return Unit.Value;
        }
    }
}
