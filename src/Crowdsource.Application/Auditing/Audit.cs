using Crowdsource.Application.Common;
using Crowdsource.Domain.Auditing;

namespace Crowdsource.Application.Auditing;

/// <summary>Writes a line of the audit trail with the use case's other changes (same SaveChanges).</summary>
internal static class Audit
{
    public const string Challenge = "Challenge";
    public const string Brand = "Brand";
    public const string Entry = "Entry";
    public const string Account = "Account";

    public static void Record(this ICrowdsourceDb db, string? actorUserId, string subjectType, Guid subjectId, string action, string details, DateTimeOffset now) =>
        db.AuditEvents.Add(AuditEvent.Record(actorUserId, subjectType, subjectId, action, details, now));
}
