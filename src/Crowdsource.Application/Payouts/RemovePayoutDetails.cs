using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Payouts;

/// <summary>A creative removes their payout details. Removing details already gone (a second click) is not an error.</summary>
public static class RemovePayoutDetails
{
    public sealed record Command : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var details = await db.PayoutDetails.SingleOrDefaultAsync(candidate => candidate.UserId == userId, cancellationToken);
            if (details is null)
            {
                return Unit.Value;
            }

            db.PayoutDetails.Remove(details);
            db.Record(userId, Audit.Account, Guid.Parse(userId), AuditActions.PayoutDetailsRemoved,
                AuditFacts.Write((AuditFacts.Payout, details.Masked)), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
