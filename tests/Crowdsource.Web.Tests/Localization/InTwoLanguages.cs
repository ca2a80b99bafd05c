using System.Globalization;

namespace Crowdsource.Web.Tests.Localization;

/// <summary>Runs a piece of code with the English, then the French, culture, as a request in each language would.</summary>
internal static class InTwoLanguages
{
    public static (string English, string French) Text(Func<string> text) => (In("en", text), In("fr-FR", text));

    public static T In<T>(string culture, Func<T> text)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return text();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
