using System.Collections.Frozen;
using System.Globalization;

namespace Crowdsource.Domain.Common;

/// <summary>An amount in an ISO 4217 currency. Never a double.</summary>
public readonly record struct Money
{
    public const string DefaultCurrency = "EUR";

    /// <summary>No prize on the platform goes beyond ten million, whatever the currency: above is a typing mistake.</summary>
    public const decimal MaximumAmount = 10_000_000m;

    private static readonly FrozenSet<string> KnownCurrencies = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture =>
        {
            try
            {
                return new RegionInfo(culture.Name).ISOCurrencySymbol;
            }
            catch (ArgumentException)
            {
                return null;
            }
        })
        .OfType<string>()
        .Where(code => code.Length == 3)
        .Append(DefaultCurrency)
        .ToFrozenSet(StringComparer.Ordinal);

    public Money(decimal amount, string currency)
    {
        if (!IsKnownCurrency(currency))
        {
            throw new DomainRuleException("money.unknown-currency", DomainText.UnknownCurrency);
        }

        if (amount <= 0 || amount > MaximumAmount || decimal.Round(amount, 2) != amount)
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

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.##} {Currency}");
}
