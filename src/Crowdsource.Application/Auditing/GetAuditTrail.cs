using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Auditing;

/// <summary>The audit trail of one challenge or brand, for moderators: oldest first, with who acted.</summary>
public static class GetAuditTrail
{
    public sealed record Query(Guid SubjectId) : IQuery<IReadOnlyList<Line>>;

    public sealed record Line(DateTimeOffset OccurredAt, string Actor, string Action, string Details);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<Line>>
    {
        public async ValueTask<IReadOnlyList<Line>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!currentUser.IsStaff())
            {
                throw new ForbiddenException();
            }

            return await db.AuditEvents.AsNoTracking()
                .Where(audit => audit.SubjectId == query.SubjectId)
                .OrderBy(audit => audit.OccurredAt).ThenBy(audit => audit.Id)
                .GroupJoin(db.Users, audit => audit.ActorUserId, user => user.Id, (audit, users) => new { audit, users })
                .SelectMany(pair => pair.users.DefaultIfEmpty(), (pair, user) => new Line(
                    pair.audit.OccurredAt, user == null ? "Crowdsource" : user.DisplayName + " <" + user.Email + ">", pair.audit.Action, pair.audit.Details))
                .ToListAsync(cancellationToken);
        }
    }
}
