using System.Collections.Frozen;
using System.Globalization;

namespace Crowdsource.Domain.Common;

/// <summary>An amount in an ISO 4217 currency. Never a double.</summary>
public readonly record struct Money
{
    public const string DefaultCurrency = "EUR";

    /// <summary>No prize on the platform goes beyond ten million, whatever the currency: above is a typing mistake.</summary>
    public const decimal MaximumAmount = 10_000_000m;

    /// <summary>
    /// The ISO 4217 currencies prizes may be offered in: the one list the form offers and every check refuses outside
    /// of. Their names are resources (Currency_XXX) in both languages.
    /// </summary>
    public static readonly IReadOnlyList<string> SupportedCurrencies =
        ["EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK"];

    private static readonly FrozenSet<string> KnownCurrencies = SupportedCurrencies.ToFrozenSet(StringComparer.Ordinal);

    public Money(decimal amount, string currency)
    {
        if (!IsKnownCurrency(currency))
        {
            throw new DomainRuleException("money.unknown-currency", DomainText.UnknownCurrency);
        }

        if (!IsValidAmount(amount))
        {
            throw new DomainRuleException("money.invalid-amount",
                string.Format(CultureInfo.CurrentCulture, DomainText.InvalidAmount, MaximumAmount));
        }

        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public string Currency { get; }

    public static bool IsKnownCurrency(string? currency) => currency is { Length: 3 } && KnownCurrencies.Contains(currency);

    /// <summary>Above zero, at most <see cref="MaximumAmount"/>, at most two decimals.</summary>
    public static bool IsValidAmount(decimal amount) => amount > 0 && amount <= MaximumAmount && decimal.Round(amount, 2) == amount;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.##} {Currency}");
}
