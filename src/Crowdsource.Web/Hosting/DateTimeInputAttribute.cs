using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// A text field holding an &lt;input type="datetime-local"&gt; value: empty, or a date and time the site can read, in
/// <see cref="InputDates"/>' range. Without it an unreadable date would silently become "no date".
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DateTimeInputAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || InputDates.TryReadLocal(text, out _);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, UiText.InputDateOutOfRange, name,
            InputDates.Earliest.Year.ToString(CultureInfo.CurrentCulture), InputDates.Latest.Year.ToString(CultureInfo.CurrentCulture));
}
