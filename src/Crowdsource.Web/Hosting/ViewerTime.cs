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

    /// <summary>
    /// The moment for a &lt;time datetime&gt; attribute: UTC to the second ("2026-12-01T17:00:00Z"). HTML allows at most three
    /// digits of a second, where .NET's round-trip format writes seven.
    /// </summary>
    public static string Machine(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The value of an &lt;input type="datetime-local"&gt; for this moment.</summary>
    public string ToInput(DateTimeOffset? moment) =>
        moment is { } value ? ToLocal(value).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>
    /// A datetime-local value typed in the viewer's zone, as an instant; null when empty, unreadable or out of the
    /// accepted range (<see cref="DateTimeInputAttribute"/> tells the person which).
    /// </summary>
    public DateTimeOffset? FromInput(string? value)
    {
        if (!InputDates.TryReadLocal(value, out var local))
        {
            return null;
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
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
