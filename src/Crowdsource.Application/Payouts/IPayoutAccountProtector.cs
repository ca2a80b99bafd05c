using Crowdsource.Domain.Payouts;

namespace Crowdsource.Application.Payouts;

/// <summary>A creative's payout account in the clear: only ever in memory, never stored or logged as such.</summary>
public sealed record PayoutAccount(PayoutMethod Method, string HolderName, string Account)
{
    /// <summary>What may be shown of the account: "FR76 •••• •••• 1234", "j•••@example.org".</summary>
    public string Masked => Method == PayoutMethod.BankTransfer ? Iban.Mask(Account) : PayPalAddress.Mask(Account);

    /// <summary>Without the account: a record's default text would print it into a log or a page.</summary>
    public override string ToString() => $"{Method} {Masked}";
}

/// <summary>Encrypts payout accounts for storage and decrypts them for the admins who pay (the keys live outside the rows).</summary>
public interface IPayoutAccountProtector
{
    string Protect(PayoutAccount account);

    PayoutAccount Unprotect(string protectedAccount);
}
