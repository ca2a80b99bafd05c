using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Notifications;

/// <summary>
/// Tells people that something happened: a notification in their centre and, unless they turned that kind off, an
/// e-mail through the outbox (retried until delivered, never lost). Both are written with the use case's other
/// changes, in its transaction, so nobody hears of something that did not happen.
/// </summary>
internal static class Notifier
{
    public static async Task NotifyAsync(
        this ICrowdsourceDb db, ISiteLinks links, IEnumerable<string> userIds, NotificationKind kind, string subject, string link,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        var ids = userIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var people = await db.Users.AsNoTracking()
            .Where(user => ids.Contains(user.Id) && user.DeletedAt == null)
            .Select(user => new { user.Id, user.Email, user.DisplayName, user.PreferredCulture })
            .ToListAsync(cancellationToken);
        var emailOff = await db.NotificationPreferences.AsNoTracking()
            .Where(preference => ids.Contains(preference.UserId) && preference.Kind == kind && !preference.ByEmail)
            .Select(preference => preference.UserId)
            .ToListAsync(cancellationToken);

        var address = links.Page(link);
        foreach (var person in people)
        {
            db.Notifications.Add(Notification.To(person.Id, kind, subject, link, now));
            if (person.Email is { } email && !emailOff.Contains(person.Id))
            {
                var key = TextKey(kind);
                db.OutgoingEmails.Add(Emails.Compose(email, person.DisplayName, person.PreferredCulture, key, key,
                    nameof(Messages.NotificationOpen), address, now, [subject], [subject], nameof(Messages.NotificationEmailFooter)));
            }
        }
    }

    /// <summary>The sentence that says what happened, in <paramref name="culture"/>.</summary>
    public static string Describe(NotificationKind kind, string subject, CultureInfo culture) =>
        string.Format(culture, Messages.ResourceManager.GetString(TextKey(kind), culture) ?? kind.ToString(), subject);

    private static string TextKey(NotificationKind kind) => $"Notification{kind}";
}
