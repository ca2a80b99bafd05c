namespace Crowdsource.Domain.Payouts;

/// <summary>How a creative wants to be paid.</summary>
public enum PayoutMethod
{
    /// <summary>A bank transfer to an IBAN.</summary>
    BankTransfer,

    /// <summary>A PayPal payment to an e-mail address.</summary>
    PayPal,
}
