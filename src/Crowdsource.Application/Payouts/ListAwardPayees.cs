using Crowdsource.Application.Administration;
using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Payouts;

/// <summary>
/// For the admins who pay: of each unpaid award among <see cref="Query.AwardIds"/>, whether its creative recorded payout
/// details, shown masked. The full details take an explicit, audited step (<see cref="RevealPayoutDetails"/>).
/// </summary>
public static class ListAwardPayees
{
    public sealed record Query(IReadOnlyList<Guid> AwardIds) : IQuery<IReadOnlyDictionary<Guid, GetMyPayoutDetails.Summary>>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser)
        : IQueryHandler<Query, IReadOnlyDictionary<Guid, GetMyPayoutDetails.Summary>>
    {
        public async ValueTask<IReadOnlyDictionary<Guid, GetMyPayoutDetails.Summary>> Handle(Query query, CancellationToken cancellationToken)
        {
            currentUser.RequireAdmin();
            var ids = query.AwardIds.Distinct().ToList();
            var rows = await (
                    from award in db.Awards.AsNoTracking()
                    join entry in db.Entries.IgnoreAutoIncludes() on award.EntryId equals entry.Id
                    join details in db.PayoutDetails on entry.CreativeUserId equals details.UserId
                    where ids.Contains(award.Id) && award.PaidAt == null
                    select new { award.Id, Summary = new GetMyPayoutDetails.Summary(details.Method, details.Masked, details.UpdatedAt) })
                .ToListAsync(cancellationToken);
            return rows.ToDictionary(row => row.Id, row => row.Summary);
        }
    }
}
