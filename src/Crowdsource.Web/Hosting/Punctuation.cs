using System.Globalization;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>Punctuation that differs by language: "Deadline:" in English, "Date limite :" (no-break space) in French.</summary>
public static class Punctuation
{
    public static string Colon(string label) => string.Format(CultureInfo.CurrentCulture, UiText.LabelColon, label);
}
