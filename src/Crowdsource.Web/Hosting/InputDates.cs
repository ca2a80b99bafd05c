using System.Globalization;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The range of dates the site accepts from a form or a link (2000 to 2100). Anything outside is a typing mistake or
/// an attack, and keeping to it means no conversion between time zones can overflow (year 1 or 9999 with an offset).
/// </summary>
public static class InputDates
{
    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static readonly DateTime Latest = new(2100, 12, 31, 23, 59, 59, DateTimeKind.Unspecified);

    public static bool Accepts(DateTime moment) => moment >= Earliest && moment <= Latest;

    /// <summary>An instant given with its offset (a link's "asof"), accepted when its UTC time is in the range.</summary>
    public static bool Accepts(DateTimeOffset instant) => Accepts(instant.UtcDateTime);

    /// <summary>Reads an &lt;input type="datetime-local"&gt; value ("2026-12-01T18:00"); false when unreadable or out of range.</summary>
    public static bool TryReadLocal(string? value, out DateTime local)
    {
        if (!string.IsNullOrWhiteSpace(value)
            && DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var read)
            && Accepts(read))
        {
            local = DateTime.SpecifyKind(read, DateTimeKind.Unspecified);
            return true;
        }

        local = default;
        return false;
    }
}
