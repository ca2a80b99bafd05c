using Crowdsource.Application.Administration;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Funding;

/// <summary>
/// An admin records the transfer that sent a cancelled challenge's pool back to its brand (a ledger line). Recorded
/// once: the same post twice is harmless, a second admin with another reference is told it was done.
/// </summary>
public static class ReturnPrizeFunds
{
    public sealed record Command(ChallengeId ChallengeId, string Reference) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Reference)
            .Must(PaymentReference.IsValid)
            .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, Messages.PaymentReferenceInvalid, PaymentReference.MaximumLength));
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, ISiteLinks links, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var adminId = currentUser.RequireAdmin();
            if (!await db.Challenges.AnyAsync(challenge => challenge.Id == command.ChallengeId, cancellationToken))
            {
                throw new NotFoundException();
            }

            var challenge = await db.LockChallengeAsync(command.ChallengeId, cancellationToken);
            if (challenge.FundsReturnedAt is not null)
            {
                var recorded = await db.LedgerEntries.AnyAsync(line => line.ChallengeId == challenge.Id
                    && line.Movement == LedgerMovement.FundsReturned && line.Reference == command.Reference.Trim(), cancellationToken);
                return recorded ? Unit.Value : throw new ConcurrencyConflictException(Messages.FundsReturnedMeanwhile);
            }

            var now = clock.GetUtcNow();
            var line = challenge.ReturnFunds(await db.BalanceAsync(challenge.Id, cancellationToken), command.Reference, adminId, now);
            db.LedgerEntries.Add(line);
            db.Record(adminId, Audit.Challenge, challenge.Id.Value, AuditActions.PrizeFundsReturned, AuditFacts.Write(
                (AuditFacts.Amount, line.Amount), (AuditFacts.Currency, line.Currency), (AuditFacts.Reference, line.Reference)), now);
            await db.NotifyAsync(links, await db.BrandMembersAsync(challenge.BrandId, cancellationToken), NotificationKind.PrizeFundsReturned,
                challenge.Title, Recipients.FundingPage(challenge.Id), now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
