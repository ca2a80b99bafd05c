using Crowdsource.Application.Administration;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Payouts;

/// <summary>
/// An admin about to pay an award asks to see where its creative wants to be paid: the full account, decrypted. Only
/// admins, only for an unpaid award, and every look is written in the audit trail (who saw whose details, for which
/// award, when), on the creative's account.
/// </summary>
public static class RevealPayoutDetails
{
    public sealed record Command(Guid AwardId) : ICommand<PayoutAccount>, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, IPayoutAccountProtector protector, TimeProvider clock)
        : ICommandHandler<Command, PayoutAccount>
    {
        public async ValueTask<PayoutAccount> Handle(Command command, CancellationToken cancellationToken)
        {
            var adminId = currentUser.RequireAdmin();
            var award = await db.Awards.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == command.AwardId, cancellationToken)
                ?? throw new NotFoundException();
            if (award.IsPaid)
            {
                throw new DomainRuleException("payout.award-paid", Messages.PayoutAwardAlreadyPaid);
            }

            var creativeId = await db.Entries.IgnoreAutoIncludes().Where(entry => entry.Id == award.EntryId)
                .Select(entry => entry.CreativeUserId).SingleAsync(cancellationToken);
            var details = await db.PayoutDetails.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.UserId == creativeId, cancellationToken)
                ?? throw new DomainRuleException("payout.none", Messages.PayoutDetailsMissing);

            db.Record(adminId, Audit.Account, Guid.Parse(creativeId), AuditActions.PayoutDetailsRevealed, AuditFacts.Write(
                (AuditFacts.Award, award.Id), (AuditFacts.Entry, award.EntryId.Value), (AuditFacts.Payout, details.Masked)), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return protector.Unprotect(details.ProtectedAccount);
        }
    }
}
