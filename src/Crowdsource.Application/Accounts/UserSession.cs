namespace Crowdsource.Application.Accounts;

/// <summary>
/// One signed-in browser. The authentication cookie carries only <see cref="Id"/>; the ticket (who, which roles)
/// stays here, protected with Data Protection, so deleting the row ends the session at once.
/// </summary>
public sealed class UserSession
{
    public const int IdLength = 43;

    public const int DeviceMaximumLength = 200;

    public const int FingerprintLength = 64;

    private UserSession()
    {
        Id = string.Empty;
        UserId = string.Empty;
        Ticket = [];
        ClaimsFingerprint = string.Empty;
    }

    /// <summary>Random, unguessable (256 bits, Base64Url): the cookie's value points here.</summary>
    public string Id { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The serialized authentication ticket, protected with Data Protection.</summary>
    public byte[] Ticket { get; private set; }

    /// <summary>A hash of the ticket's claims: a renewal writes the row only when they changed or it is stale.</summary>
    public string ClaimsFingerprint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Browser and address as the person would recognise them ("Firefox on Linux, 203.0.113.7").</summary>
    public string? Device { get; private set; }

    public static UserSession Start(string id, string userId, byte[] ticket, string claimsFingerprint, string? device,
        DateTimeOffset now, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(ticket);
        return new UserSession
        {
            Id = id,
            UserId = userId,
            Ticket = ticket,
            ClaimsFingerprint = claimsFingerprint,
            Device = device is { Length: > DeviceMaximumLength } ? device[..DeviceMaximumLength] : device,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = expiresAt,
        };
    }
}
