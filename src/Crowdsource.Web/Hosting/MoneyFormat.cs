using System.Globalization;

namespace Crowdsource.Web.Hosting;

public static class MoneyFormat
{
    /// <summary>"7,500 EUR" or "7 500 EUR", as the current language writes numbers.</summary>
    public static string Amount(decimal amount, string? currency) =>
        string.Create(CultureInfo.CurrentCulture, $"{amount:#,0.##} {currency ?? "EUR"}");
}
