using Crowdsource.Application.Administration;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Funding;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Awards;

/// <summary>
/// An admin records that a prize was paid, with the payment's reference. Only now does the licence pass to the brand
/// (the grant is written); when every award of the challenge is paid, the challenge is completed. The winner and the
/// brand are told, and the payment is a line of the challenge's ledger (taken from its pool when it was funded). A second post of the same payment changes nothing; two admins at once: one wins, the other is told.
/// </summary>
public static class MarkAwardPaid
{
    /// <summary>The award, its version as the admin saw it (xmin), and the payment's reference.</summary>
    public sealed record Command(Guid AwardId, uint Version, string PaymentReference) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.PaymentReference)
            .Must(reference => reference is not null && reference.Trim().Length is >= 3 and <= Award.PaymentReferenceMaximumLength)
            .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, Messages.PaymentReferenceInvalid, Award.PaymentReferenceMaximumLength));
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, ISiteLinks links, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var adminId = currentUser.RequireAdmin();
            var award = await db.Awards.SingleOrDefaultAsync(candidate => candidate.Id == command.AwardId, cancellationToken)
                ?? throw new NotFoundException();
            if (award.IsPaid)
            {
                // The same payment posted twice is harmless; a different reference would be a second payment.
                return award.PaymentReference == command.PaymentReference.Trim()
                    ? Unit.Value
                    : throw new ConcurrencyConflictException(Messages.AwardPaidMeanwhile);
            }

            db.Awards.Entry(award).Property(candidate => candidate.Version).OriginalValue = command.Version;

            // Payments of one challenge take turns: two admins paying its last two prizes at once would each see the
            // other's unpaid and neither would complete the challenge.
            var challenge = await db.LockChallengeAsync(award.ChallengeId, cancellationToken);
            var entry = await db.Entries.SingleAsync(candidate => candidate.Id == award.EntryId, cancellationToken);
            var now = clock.GetUtcNow();
            // A funded challenge pays its prizes from its pool: never more than is left in it.
            if (challenge.FundedAmount > 0 && await db.BalanceAsync(challenge.Id, cancellationToken) < award.Amount)
            {
                throw new DomainRuleException("funding.pool-short", Messages.PrizePoolShort);
            }

            var grant = award.MarkPaid(challenge, entry, adminId, command.PaymentReference, now);
            db.LicenceGrants.Add(grant);
            db.LedgerEntries.Add(LedgerEntry.PrizePaid(challenge, award, adminId, now));
            db.Record(adminId, Audit.Challenge, challenge.Id.Value, AuditActions.AwardPaid, AuditFacts.Write(
                (AuditFacts.Rank, award.Rank), (AuditFacts.Amount, award.Amount), (AuditFacts.Currency, award.Currency),
                (AuditFacts.Reference, award.PaymentReference), (AuditFacts.Entry, entry.Id.Value)), now);

            var awards = await db.Awards.Where(candidate => candidate.ChallengeId == challenge.Id).ToListAsync(cancellationToken);
            var runnerUps = await db.RunnerUpRewards.Where(candidate => candidate.ChallengeId == challenge.Id).ToListAsync(cancellationToken);
            if (challenge.CompleteIfAllPaid(awards, runnerUps, now))
            {
                db.Record(adminId, Audit.Challenge, challenge.Id.Value, "challenge.completed", "WinnersAnnounced → Completed", now);
            }

            var brand = await db.BrandMembersAsync(challenge.BrandId, cancellationToken);
            await db.NotifyAsync(links, [entry.CreativeUserId, .. brand], NotificationKind.AwardPaid, entry.Title,
                Recipients.EntryPage(entry.Id), now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException conflict) when (conflict is DbUpdateConcurrencyException || conflict.IsUniqueViolation())
            {
                throw new ConcurrencyConflictException(Messages.AwardPaidMeanwhile, conflict);
            }

            return Unit.Value;
        }
    }
}
