using System.Collections.Frozen;
using System.Globalization;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Judging;

namespace Crowdsource.Application.Common;

/// <summary>
/// The one way prizes are written, on pages, in notifications, e-mails and legal documents alike: the name of a tier
/// ("Prize 1", "1er prix", "People’s choice") and an amount as the reader's language writes money ("€2,500",
/// "2 500 €").
/// </summary>
public static class PrizeWording
{
    /// <summary>The symbol of each currency where one symbol names one currency (€, £, ¥...); "$" names several.</summary>
    private static readonly FrozenDictionary<string, string> UnambiguousSymbols = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture =>
        {
            try
            {
                var region = new RegionInfo(culture.Name);
                return (Code: region.ISOCurrencySymbol, Symbol: region.CurrencySymbol);
            }
            catch (ArgumentException)
            {
                return (Code: string.Empty, Symbol: string.Empty);
            }
        })
        .Where(pair => pair.Code.Length == 3 && pair.Symbol.Length > 0 && pair.Symbol != pair.Code)
        .Distinct()
        .GroupBy(pair => pair.Symbol, StringComparer.Ordinal)
        .Where(group => group.Select(pair => pair.Code).Distinct(StringComparer.Ordinal).Count() == 1)
        .GroupBy(group => group.First().Code, StringComparer.Ordinal)
        .ToFrozenDictionary(group => group.Key, group => group.First().Key, StringComparer.Ordinal);

    /// <summary>The "rank" of a runner-up reward where a tier is named (a grant's document): "Runner-up reward".</summary>
    public const int RunnerUpRank = -1;

    /// <summary>"Prize 1", "Prize 2", "People’s choice"; "1er prix", "2e prix", "Prix du public".</summary>
    public static string Tier(int rank, CultureInfo culture) => rank switch
    {
        Award.PeoplesChoiceRank => Text(nameof(Messages.PrizeTierPeoplesChoice), culture),
        RunnerUpRank => Text(nameof(Messages.PrizeTierRunnerUp), culture),
        1 => Text(nameof(Messages.PrizeTierFirst), culture),
        _ => string.Format(culture, Text(nameof(Messages.PrizeTierRank), culture), rank),
    };

    /// <summary>
    /// "€5,000", "5 000 €", "€5,000.50": the reader's way of writing money, cents only when there are some, with the
    /// currency's own symbol when that symbol names only it, else its ISO code ("5 000 USD": "$" alone would not say
    /// which dollar). Never broken across two lines.
    /// </summary>
    public static string Amount(decimal amount, string? currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var code = string.IsNullOrEmpty(currency) ? Domain.Common.Money.DefaultCurrency : currency;
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = UnambiguousSymbols.GetValueOrDefault(code, code);
        format.CurrencyDecimalDigits = decimal.Truncate(amount) == amount ? 0 : 2;
        if (format.CurrencySymbol == code)
        {
            // A code reads as a word: "USD 5,000" or "5 000 USD", with a space either way.
            format.CurrencyPositivePattern = format.CurrencyPositivePattern switch
            {
                0 => 2,
                1 => 3,
                var pattern => pattern,
            };
        }

        // .NET's currency patterns hold a plain space ("n $"): an amount must never break across two lines.
        return amount.ToString("C", format).Replace(' ', '\u00a0');
    }

    private static string Text(string key, CultureInfo culture) =>
        Messages.ResourceManager.GetString(key, culture) ?? throw new InvalidOperationException($"Missing resource {key}.");
}
