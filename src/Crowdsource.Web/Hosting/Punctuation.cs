using System.Globalization;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>Punctuation that differs by language: "Deadline:" in English, "Date limite :" (no-break space) in French; "60%" and "60 %".</summary>
public static class Punctuation
{
    public static string Colon(string label) => string.Format(CultureInfo.CurrentCulture, UiText.LabelColon, label);

    /// <summary>A weight in percent: "60%" in English, "60 %" (narrow no-break space) in French.</summary>
    public static string Percent(int value) =>
        (value / 100m).ToString("P0", CultureInfo.CurrentCulture).Replace(' ', '\u202f'); // .NET's French pattern holds a breaking space
}
