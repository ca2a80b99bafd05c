using Crowdsource.Application.Administration;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Funding;

/// <summary>
/// An admin saw the brand's transfer arrive on the platform's account: the money enters the challenge's pool (a ledger
/// line) and, once the pool is covered, a moderator may publish. Confirming twice is harmless; two admins at once, or
/// one confirming while another refuses: the first wins, the other is told.
/// </summary>
public static class ConfirmPrizeTransfer
{
    public sealed record Command(Guid TransferId, uint Version) : ICommand, ITransactional;

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
                case PrizeTransferStatus.Confirmed:
                    return Unit.Value; // Confirmed already: a double click, or another admin a moment ago.
                case PrizeTransferStatus.Refused:
                    throw new ConcurrencyConflictException(Messages.TransferDecidedMeanwhile);
            }

            db.PrizeTransfers.Entry(transfer).Property(candidate => candidate.Version).OriginalValue = command.Version;
            var now = clock.GetUtcNow();
            var line = challenge.ConfirmPrizeTransfer(transfer, adminId, now);
            db.LedgerEntries.Add(line);
            db.Record(adminId, Audit.Challenge, challenge.Id.Value, AuditActions.PrizeTransferConfirmed, AuditFacts.Write(
                (AuditFacts.Amount, line.Amount), (AuditFacts.Currency, line.Currency), (AuditFacts.Reference, line.Reference)), now);
            await db.NotifyAsync(links, await db.BrandMembersAsync(challenge.BrandId, cancellationToken),
                challenge.IsPrizeFunded ? NotificationKind.PrizeFunded : NotificationKind.PrizeTransferConfirmed, challenge.Title,
                Recipients.FundingPage(challenge.Id), now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException conflict) when (conflict is DbUpdateConcurrencyException || conflict.IsUniqueViolation())
            {
                throw new ConcurrencyConflictException(Messages.TransferDecidedMeanwhile, conflict);
            }

            return Unit.Value;
        }
    }
}
