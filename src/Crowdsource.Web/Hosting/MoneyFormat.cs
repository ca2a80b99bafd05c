using System.Globalization;
using Crowdsource.Application.Common;

namespace Crowdsource.Web.Hosting;

public static class MoneyFormat
{
    /// <summary>An amount in the reader's language ("€7,500", "7 500 €"): see <see cref="PrizeWording"/>.</summary>
    public static string Amount(decimal amount, string? currency) => PrizeWording.Amount(amount, currency, CultureInfo.CurrentCulture);
}
