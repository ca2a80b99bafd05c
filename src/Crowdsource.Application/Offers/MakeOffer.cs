using System.Globalization;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Funding;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Notifications;
using Crowdsource.Domain.Offers;
using FluentValidation;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Offers;

/// <summary>
/// After the results, the brand's Owner offers to buy the rights of an approved entry that did not win: an amount (in
/// the challenge's prize currency), a message, and the licence that would apply (the challenge's own unless another
/// published version is chosen). The creative is told. Editors are refused (they do not commit money); anyone outside
/// the brand learns nothing. The same form sent twice makes one offer.
/// </summary>
public static class MakeOffer
{
    public sealed record Command(EntryId EntryId, decimal Amount, string Message, Guid? LicenceVersionId) : ICommand<Guid>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Amount).Must(Money.IsValidAmount)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.OfferAmountInvalid, Money.MaximumAmount));
            RuleFor(command => command.Message)
                .Must(message => message is not null && message.Trim().Length is >= EntryOffer.MessageMinimumLength and <= EntryOffer.MessageMaximumLength)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.OfferMessageInvalid, EntryOffer.MessageMinimumLength, EntryOffer.MessageMaximumLength));
        }
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock, ISiteLinks links) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            currentUser.RequireId();
            // Offers on one entry take turns: a form sent twice waits for the first, then finds it (below).
            await db.LockUntilCommitAsync("entry-offers/" + command.EntryId.Value.ToString(), cancellationToken);
            var entry = await db.Entries.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == command.EntryId, cancellationToken)
                ?? throw new NotFoundException();
            var challenge = await db.Challenges.AsNoTracking().SingleAsync(candidate => candidate.Id == entry.ChallengeId, cancellationToken);
            var ownerId = await db.RequireOwnerAsync(currentUser, challenge.BrandId, cancellationToken);
            if (entry.Status is EntryStatus.Withdrawn or EntryStatus.Rejected)
            {
                throw new NotFoundException(); // never shared with the brand
            }

            var licenceId = command.LicenceVersionId ?? challenge.LicenceVersionId;
            var licence = await db.LicenceVersions.AsNoTracking().SingleOrDefaultAsync(version => version.Id == licenceId, cancellationToken)
                ?? throw new ValidationException(Messages.OfferLicenceUnknown);
            var awards = await db.Awards.AsNoTracking().Where(award => award.ChallengeId == challenge.Id).ToListAsync(cancellationToken);
            var offers = await db.EntryOffers.Where(offer => offer.EntryId == entry.Id).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var message = command.Message.Trim();
            if (offers.Find(offer => offer.IsOpenAt(now) && offer.MadeByUserId == ownerId && offer.Amount == command.Amount
                && offer.Message == message && offer.LicenceVersionId == licence.Id) is { } same)
            {
                return same.Id; // the same offer sent twice
            }

            foreach (var expired in offers.Where(offer => offer.RecordExpiry(now)))
            {
                db.Record(null, Audit.Challenge, challenge.Id.Value, AuditActions.OfferExpired, AuditFacts.Write(
                    (AuditFacts.Offer, expired.Id), (AuditFacts.Entry, entry.Id.Value)), now);
            }

            var offer = EntryOffer.Make(challenge, entry, awards, offers, ownerId, command.Amount, message, licence, now);
            db.EntryOffers.Add(offer);
            db.Record(ownerId, Audit.Challenge, challenge.Id.Value, AuditActions.OfferMade, AuditFacts.Write(
                (AuditFacts.Offer, offer.Id), (AuditFacts.Amount, offer.Amount), (AuditFacts.Currency, offer.Currency),
                (AuditFacts.Entry, entry.Id.Value)), now);
            await db.NotifyAsync(links, [entry.CreativeUserId], NotificationKind.OfferReceived, entry.Title, Recipients.EntryPage(entry.Id), now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException conflict) when (conflict.IsUniqueViolation())
            {
                throw new ConcurrencyConflictException(Messages.OfferMadeMeanwhile, conflict);
            }

            return offer.Id;
        }
    }
}
