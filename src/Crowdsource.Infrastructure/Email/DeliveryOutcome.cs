using Crowdsource.Domain.Notifications;

namespace Crowdsource.Infrastructure.Email;

/// <summary>What happened to one leased message, kept until it is recorded.</summary>
internal sealed record DeliveryOutcome(Guid EmailId, Guid LeaseToken, DeliveryResult Result, DateTimeOffset At, string? Error = null)
{
    /// <summary>
    /// Whether the outcome still applies to the message as it is now. A sent message is recorded as sent whoever holds
    /// it (it did go); anything else only while this run's lease holds, since another sender may own the message.
    /// </summary>
    public bool AppliesTo(OutgoingEmail email) =>
        email.Status == OutgoingEmailStatus.Pending && (Result == DeliveryResult.Sent || email.LeaseToken == LeaseToken);

    public void ApplyTo(OutgoingEmail email)
    {
        switch (Result)
        {
            case DeliveryResult.Sent:
                email.MarkSent(At);
                break;
            case DeliveryResult.Refused:
                email.MarkAttemptFailed(Error!, At);
                break;
            case DeliveryResult.ServerUnavailable:
                email.MarkServerUnavailable(Error!);
                break;
            default:
                email.ReleaseLease();
                break;
        }
    }
}

internal enum DeliveryResult
{
    Sent,

    /// <summary>The server refused this message.</summary>
    Refused,

    ServerUnavailable,

    /// <summary>The run stopped before this message (shutting down, the server or the database gone, the lease short).</summary>
    NotAttempted,
}
