namespace Crowdsource.Domain.Auditing;

/// <summary>
/// One line of the append-only audit trail: who did what to which object, when, and what changed. Rows are only
/// ever inserted (the database refuses updates and deletes).
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        SubjectType = Action = Details = string.Empty;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The account that acted, or null for the platform itself (a deadline passing).</summary>
    public string? ActorUserId { get; private set; }

    /// <summary>"Challenge", "Brand" ...</summary>
    public string SubjectType { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>A stable code such as "challenge.approved" or "challenge.deadline-extended".</summary>
    public string Action { get; private set; }

    /// <summary>What changed, in plain words (e.g. "deadline 2026-12-01T00:00Z → 2026-12-08T00:00Z").</summary>
    public string Details { get; private set; }

    public static AuditEvent Record(string? actorUserId, string subjectType, Guid subjectId, string action, string details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OccurredAt = now,
        ActorUserId = actorUserId,
        SubjectType = subjectType,
        SubjectId = subjectId,
        Action = action,
        Details = details.Length > 4000 ? details[..4000] : details,
    };
}
