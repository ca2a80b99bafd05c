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
/// An admin records that a runner-up reward was paid, with the payment's reference: paid like a prize, from the
/// challenge's pool, as a line of its ledger. The rights pass only when the licence the creative accepted says a
/// runner-up reward buys them (then the grant is written). When every award and reward is paid, the challenge is
/// completed. A second post of the same payment changes nothing; two admins at once: one wins, the other is told.
/// </summary>
public static class MarkRunnerUpRewardPaid
{
    /// <summary>The reward, its version as the admin saw it (xmin), and the payment's reference.</summary>
    public sealed record Command(Guid RewardId, uint Version, string PaymentReference) : ICommand, ITransactional;

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
            var reward = await db.RunnerUpRewards.SingleOrDefaultAsync(candidate => candidate.Id == command.RewardId, cancellationToken)
                ?? throw new NotFoundException();
            if (reward.IsPaid)
            {
                // The same payment posted twice is harmless; a different reference would be a second payment.
                return reward.PaymentReference == command.PaymentReference.Trim()
                    ? Unit.Value
                    : throw new ConcurrencyConflictException(Messages.RunnerUpPaidMeanwhile);
            }

            db.RunnerUpRewards.Entry(reward).Property(candidate => candidate.Version).OriginalValue = command.Version;

            // Payments of one challenge take turns (see MarkAwardPaid): the pool is read and the completion decided alone.
            var challenge = await db.LockChallengeAsync(reward.ChallengeId, cancellationToken);
            var entry = await db.Entries.SingleAsync(candidate => candidate.Id == reward.EntryId, cancellationToken);
            var accepted = entry.CurrentAcceptance.LicenceVersionId;
            var licence = await db.LicenceVersions.AsNoTracking().SingleAsync(version => version.Id == accepted, cancellationToken);
            var now = clock.GetUtcNow();
            if (challenge.FundedAmount > 0 && await db.BalanceAsync(challenge.Id, cancellationToken) < reward.Amount)
            {
                throw new DomainRuleException("funding.pool-short", Messages.PrizePoolShort);
            }

            if (reward.MarkPaid(challenge, entry, licence, adminId, command.PaymentReference, now) is { } grant)
            {
                db.LicenceGrants.Add(grant);
            }

            db.LedgerEntries.Add(LedgerEntry.RunnerUpPaid(challenge, reward, adminId, now));
            db.Record(adminId, Audit.Challenge, challenge.Id.Value, AuditActions.RunnerUpPaid, AuditFacts.Write(
                (AuditFacts.Amount, reward.Amount), (AuditFacts.Currency, reward.Currency),
                (AuditFacts.Reference, reward.PaymentReference), (AuditFacts.Entry, entry.Id.Value)), now);

            var awards = await db.Awards.Where(candidate => candidate.ChallengeId == challenge.Id).ToListAsync(cancellationToken);
            var runnerUps = await db.RunnerUpRewards.Where(candidate => candidate.ChallengeId == challenge.Id).ToListAsync(cancellationToken);
            if (challenge.CompleteIfAllPaid(awards, runnerUps, now))
            {
                db.Record(adminId, Audit.Challenge, challenge.Id.Value, "challenge.completed", "WinnersAnnounced → Completed", now);
            }

            var brand = await db.BrandMembersAsync(challenge.BrandId, cancellationToken);
            await db.NotifyAsync(links, [entry.CreativeUserId, .. brand], NotificationKind.RunnerUpRewardPaid, entry.Title,
                Recipients.EntryPage(entry.Id), now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException conflict) when (conflict is DbUpdateConcurrencyException || conflict.IsUniqueViolation())
            {
                throw new ConcurrencyConflictException(Messages.RunnerUpPaidMeanwhile, conflict);
            }

            return Unit.Value;
        }
    }
}
