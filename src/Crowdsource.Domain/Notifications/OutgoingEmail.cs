using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Notifications;

/// <summary>
/// An e-mail waiting in the outbox. It is written in the same transaction as the change that causes it,
/// and a background sender delivers it; a failure schedules a retry, and nothing is ever deleted.
/// </summary>
public sealed class OutgoingEmail
{
    /// <summary>Attempts before an e-mail is parked as <see cref="OutgoingEmailStatus.Failed"/> for a person to look at.</summary>
    public const int MaximumAttempts = 8;

    public const int MaximumSubjectLength = 300;

    public const int MaximumKindLength = 40;

    private OutgoingEmail()
    {
        ToAddress = string.Empty;
        Subject = string.Empty;
        TextBody = string.Empty;
        HtmlBody = string.Empty;
    }

    public Guid Id { get; private set; }

    public string ToAddress { get; private set; }

    public string? ToName { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string HtmlBody { get; private set; }

    public OutgoingEmailStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the sender may next try; null once sent or failed for good.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>What sort of message this is ("account.reset"...), so the outbox can cap a kind per recipient; null for the rest.</summary>
    public string? Kind { get; private set; }

    public static OutgoingEmail Create(
        string toAddress, string? toName, string subject, string textBody, string htmlBody, DateTimeOffset now, string? kind = null)
    {
        if (string.IsNullOrWhiteSpace(toAddress) || !toAddress.Contains('@', StringComparison.Ordinal))
        {
            throw new DomainRuleException("email.invalid-recipient", "An e-mail needs a recipient address.");
        }

        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaximumSubjectLength)
        {
            throw new DomainRuleException("email.invalid-subject", "An e-mail needs a subject of at most 300 characters.");
        }

        if (kind is { Length: > MaximumKindLength })
        {
            throw new DomainRuleException("email.invalid-kind", "An e-mail kind has at most 40 characters.");
        }

        return new OutgoingEmail
        {
            Id = Guid.CreateVersion7(now),
            ToAddress = toAddress.Trim(),
            ToName = toName,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            Status = OutgoingEmailStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            Kind = kind,
        };
    }

    public bool IsDue(DateTimeOffset now) => Status == OutgoingEmailStatus.Pending && NextAttemptAt <= now;

    public void MarkSent(DateTimeOffset now)
    {
        EnsurePending();
        Attempts++;
        Status = OutgoingEmailStatus.Sent;
        SentAt = now;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>Records a failed attempt and schedules the next one with exponential back-off (1, 2, 4 ... minutes).</summary>
    public void MarkAttemptFailed(string error, DateTimeOffset now)
    {
        EnsurePending();
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= MaximumAttempts)
        {
            Status = OutgoingEmailStatus.Failed;
            NextAttemptAt = null;
            return;
        }

        NextAttemptAt = now + RetryDelay(Attempts);
    }

    /// <summary>An operator sends a parked e-mail again after fixing the cause.</summary>
    public void Requeue(DateTimeOffset now)
    {
        if (Status != OutgoingEmailStatus.Failed)
        {
            throw new DomainRuleException("email.not-failed", "Only an e-mail that failed for good can be queued again.");
        }

        Status = OutgoingEmailStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }

    public static TimeSpan RetryDelay(int attemptsSoFar) => TimeSpan.FromMinutes(Math.Pow(2, attemptsSoFar - 1));

    private void EnsurePending()
    {
        if (Status != OutgoingEmailStatus.Pending)
        {
            throw new DomainRuleException("email.not-pending", "This e-mail is no longer waiting to be sent.");
        }
    }
}

public enum OutgoingEmailStatus
{
    Pending,
    Sent,
    Failed,
}
