using System.Globalization;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The viewer's time zone, from the "tz" cookie that site.js sets from the browser (IANA name), else UTC.
/// Times are shown in it with the zone named, and date fields are read in it.
/// </summary>
public sealed class ViewerTime(IHttpContextAccessor accessor)
{
    public const string CookieName = "tz";

    private TimeZoneInfo? _zone;

    public TimeZoneInfo Zone => _zone ??= Resolve(accessor.HttpContext?.Request.Cookies[CookieName]);

    public string ZoneName => Zone.Id;

    public DateTimeOffset ToLocal(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary>"Tuesday 1 December 2026, 18:00 (Europe/Paris)" in the current language.</summary>
    public string Format(DateTimeOffset? moment) =>
        moment is { } value
            ? string.Create(CultureInfo.CurrentCulture, $"{ToLocal(value):dddd d MMMM yyyy, HH:mm} ({ZoneName})")
            : "—";

    /// <summary>The value of an &lt;input type="datetime-local"&gt; for this moment.</summary>
    public string ToInput(DateTimeOffset? moment) =>
        moment is { } value ? ToLocal(value).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A datetime-local value typed in the viewer's zone, as an instant; null when empty or unreadable.</summary>
    public DateTimeOffset? FromInput(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    private static TimeZoneInfo Resolve(string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.Utc;
    }
}
