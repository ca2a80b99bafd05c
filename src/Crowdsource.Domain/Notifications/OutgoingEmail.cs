using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Notifications;

/// <summary>
/// An e-mail waiting in the outbox. It is written in the same transaction as the change that causes it, and a
/// background sender delivers it: the sender leases it first (so no other sender takes it meanwhile), sends it outside
/// any transaction, then records the outcome. A message the server refuses is retried later and parked for a person
/// after <see cref="MaximumAttempts"/>; a server that cannot be reached is nobody's fault and parks nothing. Nothing is
/// ever deleted.
/// </summary>
public sealed class OutgoingEmail
{
    /// <summary>Refusals before an e-mail is parked as <see cref="OutgoingEmailStatus.Parked"/> for a person to look at.</summary>
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

    /// <summary>When the sender may next try; null once sent or parked.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>What sort of message this is ("account.reset"...), so the outbox can cap a kind per recipient; null for the rest.</summary>
    public string? Kind { get; private set; }

    /// <summary>Which sender run holds the message while it sends it; null when none does.</summary>
    public Guid? LeaseToken { get; private set; }

    /// <summary>Until when the lease holds: past it, a sender that died mid-send no longer keeps the message from others.</summary>
    public DateTimeOffset? LeasedUntil { get; private set; }

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

    public bool IsDue(DateTimeOffset now) =>
        Status == OutgoingEmailStatus.Pending && NextAttemptAt <= now && (LeasedUntil is null || LeasedUntil <= now);

    /// <summary>The server accepted the message.</summary>
    public void MarkSent(DateTimeOffset now)
    {
        EnsurePending();
        Attempts++;
        Status = OutgoingEmailStatus.Sent;
        SentAt = now;
        NextAttemptAt = null;
        LastError = null;
        ReleaseLease();
    }

    /// <summary>
    /// The server refused this message: the attempt counts, the next one waits longer (1, 2, 4 ... minutes), and after
    /// the last one the message is parked.
    /// </summary>
    public void MarkAttemptFailed(string error, DateTimeOffset now)
    {
        EnsurePending();
        Attempts++;
        LastError = Shorten(error);
        ReleaseLease();
        if (Attempts >= MaximumAttempts)
        {
            Status = OutgoingEmailStatus.Parked;
            NextAttemptAt = null;
            return;
        }

        NextAttemptAt = now + RetryDelay(Attempts);
    }

    /// <summary>
    /// The server could not be reached or would not serve anyone: not this message's fault, so the attempt does not count and the message stays
    /// due, to go as soon as the server answers again.
    /// </summary>
    public void MarkServerUnavailable(string error)
    {
        EnsurePending();
        LastError = Shorten(error);
        ReleaseLease();
    }

    /// <summary>The sender gives the message back unsent (it stopped before reaching it).</summary>
    public void ReleaseLease()
    {
        LeaseToken = null;
        LeasedUntil = null;
    }

    /// <summary>
    /// An operator has a message sent now: a parked one starts again with a full set of attempts, a waiting one skips
    /// the rest of its delay.
    /// </summary>
    public void SendAgain(DateTimeOffset now)
    {
        if (Status == OutgoingEmailStatus.Sent)
        {
            throw new DomainRuleException("email.already-sent", DomainText.EmailAlreadySent);
        }

        if (Status == OutgoingEmailStatus.Parked)
        {
            Status = OutgoingEmailStatus.Pending;
            Attempts = 0;
        }

        NextAttemptAt = now;
    }

    public static TimeSpan RetryDelay(int attemptsSoFar) => TimeSpan.FromMinutes(Math.Pow(2, attemptsSoFar - 1));

    private static string Shorten(string error) => error.Length > 2000 ? error[..2000] : error;

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
    /// <summary>Waiting to be sent, for the first time or again.</summary>
    Pending,
    Sent,

    /// <summary>Refused too often: it waits for an operator (the outbox page) to send it again.</summary>
    Parked,
}
