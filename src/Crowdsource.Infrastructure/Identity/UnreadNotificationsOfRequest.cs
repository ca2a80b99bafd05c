using Microsoft.AspNetCore.Http;

namespace Crowdsource.Infrastructure.Identity;

/// <summary>
/// The signed-in person's unread notifications, counted by <see cref="DatabaseTicketStore"/> in the same statement that
/// reads the session, so the header's bell costs no round trip of its own. Valid for the request that read it only.
/// </summary>
public static class UnreadNotificationsOfRequest
{
    private static readonly object ItemKey = new();

    internal static void Remember(HttpContext httpContext, int unread) => httpContext.Items[ItemKey] = unread;

    /// <summary>The count read with the session at the start of this request, if it was.</summary>
    public static bool TryGet(HttpContext httpContext, out int unread)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Items.TryGetValue(ItemKey, out var value) && value is int count)
        {
            unread = count;
            return true;
        }

        unread = 0;
        return false;
    }
}
