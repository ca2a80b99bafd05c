using Crowdsource.Application.Common;
using Crowdsource.Domain.Payouts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Payouts;

/// <summary>The signed-in person's payout details as they may be shown (masked), or null when none are recorded.</summary>
public static class GetMyPayoutDetails
{
    public sealed record Query : IQuery<Summary?>;

    public sealed record Summary(PayoutMethod Method, string Masked, DateTimeOffset UpdatedAt);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Summary?>
    {
        public async ValueTask<Summary?> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            return await db.PayoutDetails.AsNoTracking().Where(details => details.UserId == userId)
                .Select(details => new Summary(details.Method, details.Masked, details.UpdatedAt))
                .SingleOrDefaultAsync(cancellationToken);
        }
    }
}
