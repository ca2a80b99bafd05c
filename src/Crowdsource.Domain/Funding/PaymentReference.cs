namespace Crowdsource.Domain.Funding;

/// <summary>The reference of a bank transfer or payment, as the bank shows it: the one rule for every money movement.</summary>
public static class PaymentReference
{
    public const int MinimumLength = 3;
    public const int MaximumLength = 120;

    public static bool IsValid(string? reference) =>
        reference is not null && reference.Trim().Length is >= MinimumLength and <= MaximumLength && !reference.Any(char.IsControl);

    /// <summary>The reference trimmed, or a refusal in the reader's language.</summary>
    public static string Require(string? reference) => IsValid(reference)
        ? reference!.Trim()
        : throw new Common.DomainRuleException("payment.reference-required", DomainText.PaymentReferenceRequired);
}
