namespace Crowdsource.Domain.Payouts;

/// <summary>
/// Where a creative wants their prizes paid. The account itself (IBAN or PayPal address, and the holder's name) is kept
/// only encrypted (<see cref="ProtectedAccount"/>); <see cref="Masked"/> is what may be shown ("FR76 •••• •••• 1234").
/// One per person; the person changes or removes it.
/// </summary>
public sealed class PayoutDetails
{
    public const int HolderNameMaximumLength = 140;

    private PayoutDetails()
    {
        UserId = ProtectedAccount = Masked = string.Empty;
    }

    public string UserId { get; private set; }

    public PayoutMethod Method { get; private set; }

    /// <summary>The account and the holder's name, encrypted: never readable from the database alone.</summary>
    public string ProtectedAccount { get; private set; }

    /// <summary>The account as it may be shown to its owner and to the admins who pay.</summary>
    public string Masked { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static PayoutDetails Record(string userId, PayoutMethod method, string protectedAccount, string masked, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var details = new PayoutDetails { UserId = userId };
        details.Change(method, protectedAccount, masked, now);
        return details;
    }

    public void Change(PayoutMethod method, string protectedAccount, string masked, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(protectedAccount);
        ArgumentException.ThrowIfNullOrWhiteSpace(masked);
        Method = method;
        ProtectedAccount = protectedAccount;
        Masked = masked;
        UpdatedAt = now;
    }
}
