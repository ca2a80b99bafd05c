using System.Globalization;
using Crowdsource.Domain.Common;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>The currencies prizes may be offered in (the domain's one list), named in the reader's language.</summary>
public static class CurrencyNames
{
    public static IEnumerable<(string Code, string Name)> Choices =>
        Money.SupportedCurrencies.Select(code => (code, Describe(code)));

    public static string Describe(string code) =>
        UiText.ResourceManager.GetString("Currency_" + code, CultureInfo.CurrentUICulture) ?? code;
}
