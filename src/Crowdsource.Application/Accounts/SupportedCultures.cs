using System.Globalization;

namespace Crowdsource.Application.Accounts;

/// <summary>The languages the platform speaks. English is the default and the fallback.</summary>
public static class SupportedCultures
{
    public const string Default = "en";

    public static IReadOnlyList<string> All { get; } = ["en", "fr"];

    /// <summary>"fr-CA" becomes "fr"; anything unsupported becomes the default.</summary>
    public static string Normalize(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture))
        {
            return Default;
        }

        var language = culture.Split('-', '_')[0].ToLowerInvariant();
        return All.Contains(language) ? language : Default;
    }

    public static CultureInfo ToCultureInfo(string? culture) => CultureInfo.GetCultureInfo(Normalize(culture));
}
