using Crowdsource.Application.Administration;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Funding;

/// <summary>
/// An admin did not find the brand's transfer on the platform's account and says why: nothing enters the pool, the
/// brand is told and may record the transfer again.
/// </summary>
public static class RefusePrizeTransfer
{
    public sealed record Command(Guid TransferId, uint Version, string Reason) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Reason)
            .Must(PrizeTransfer.IsRefusalReason)
            .WithMessage(_ => Messages.TransferRefusalReasonRequired);
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, ISiteLinks links, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var adminId = currentUser.RequireAdmin();
            var challengeId = await db.PrizeTransfers.Where(transfer => transfer.Id == command.TransferId)
                .Select(transfer => (Domain.Challenges.ChallengeId?)transfer.ChallengeId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException();
            var challenge = await db.LockChallengeAsync(challengeId, cancellationToken);
            var transfer = await db.PrizeTransfers.SingleAsync(candidate => candidate.Id == command.TransferId, cancellationToken);
            switch (transfer.Status)
            {
                case PrizeTransferStatus.Refused:
                    return Unit.Value;
                case PrizeTransferStatus.Confirmed:
                    throw new ConcurrencyConflictException(Messages.TransferDecidedMeanwhile);
            }

            db.PrizeTransfers.Entry(transfer).Property(candidate => candidate.Version).OriginalValue = command.Version;
            var now = clock.GetUtcNow();
            challenge.RefusePrizeTransfer(transfer, command.Reason, adminId, now);
            db.Record(adminId, Audit.Challenge, challenge.Id.Value, AuditActions.PrizeTransferRefused, AuditFacts.Write(
                (AuditFacts.Amount, transfer.Amount), (AuditFacts.Currency, transfer.Currency), (AuditFacts.Reference, transfer.Reference),
                (AuditFacts.Reason, transfer.RefusalReason)), now);
            await db.NotifyAsync(links, await db.BrandMembersAsync(challenge.BrandId, cancellationToken), NotificationKind.PrizeTransferRefused,
                challenge.Title, Recipients.FundingPage(challenge.Id), now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException conflict)
            {
                throw new ConcurrencyConflictException(Messages.TransferDecidedMeanwhile, conflict);
            }

            return Unit.Value;
        }
    }
}
