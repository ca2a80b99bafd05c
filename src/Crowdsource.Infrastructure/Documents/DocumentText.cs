using System.Collections.Frozen;
using System.Globalization;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Entries;

namespace Crowdsource.Infrastructure.Documents;

/// <summary>How the documents write dates and amounts: as the reader's language does, in words a court would read.</summary>
internal static class DocumentText
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

    /// <summary>"12 March 2026, 14:05:09 UTC", "1er mars 2026 à 14:05:09 UTC".</summary>
    public static string Date(DateTimeOffset moment, CultureInfo culture)
    {
        var utc = moment.UtcDateTime;
        return utc.ToString(utc.Day == 1 ? Messages.DocumentDateFirstDay : Messages.DocumentDate, culture);
    }

    /// <summary>
    /// "€5,000.00", "5 000,00 €": the reader's way of writing money, with the currency's own symbol when that symbol
    /// names only it, else its ISO code ("5 000,00 USD": "$" alone would not say which dollar).
    /// </summary>
    public static string Money(decimal amount, string currency, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = UnambiguousSymbols.GetValueOrDefault(currency, currency);
        if (format.CurrencySymbol == currency)
        {
            // A code reads as a word: "USD 5,000.00" or "5 000,00 USD", with a space either way.
            format.CurrencyPositivePattern = format.CurrencyPositivePattern switch
            {
                0 => 2,
                1 => 3,
                var pattern => pattern,
            };
        }

        // .NET's currency patterns hold a plain space ("n $"): an amount must never break across two lines.
        return amount.ToString("C2", format).Replace(' ', '\u00a0');
    }

    /// <summary>A file of the work on two lines: its name (on one line, as typed) and size in bytes, then its SHA-256.</summary>
    public static string File(RecordedFile file, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(file);
        return string.Create(culture, $"{LegalDocument.OneLine(file.FileName)}  {file.Length:N0}\n{file.Sha256}");
    }
}
