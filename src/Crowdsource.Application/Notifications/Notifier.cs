using System.Globalization;
using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Judging;
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
    public static Task NotifyAsync(
        this ICrowdsourceDb db, ISiteLinks links, IEnumerable<string> userIds, NotificationKind kind, string subject, string link,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        var address = links.Page(link);
        return db.NotifyPeopleAsync(userIds, kind, subject, link, (email, name, culture) =>
        {
            var key = TextKey(kind);
            return Emails.Compose(email, name, culture, key, key, nameof(Messages.NotificationOpen), address, now, [subject], [subject],
                nameof(Messages.NotificationEmailFooter));
        }, now, cancellationToken);
    }

    /// <summary>
    /// Tells the author of a winning entry that they won: the prize's tier and amount in their centre and, unless they
    /// turned it off, an e-mail that also says what happens next (payment, then the rights and the licence grant).
    /// </summary>
    public static Task NotifyWinnerAsync(
        this ICrowdsourceDb db, ISiteLinks links, string userId, Award award, string challengeTitle, string entryTitle,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(award);
        var link = Recipients.EntryPage(award.EntryId);
        var address = links.Page(link);
        var notice = new PrizeWonNotice(award.Rank, award.Amount, award.Currency, challengeTitle);
        return db.NotifyPeopleAsync([userId], NotificationKind.PrizeWon, notice.ToSubject(), link, (email, name, culture) =>
        {
            var language = SupportedCultures.ToCultureInfo(culture);
            return Emails.Compose(email, name, culture, nameof(Messages.PrizeWonEmailSubject), nameof(Messages.PrizeWonEmailIntro),
                nameof(Messages.PrizeWonEmailOpen), address, now, [challengeTitle],
                [PrizeWording.Tier(award.Rank, language), PrizeWording.Amount(award.Amount, award.Currency, language), challengeTitle, entryTitle], nameof(Messages.NotificationEmailFooter));
        }, now, cancellationToken);
    }

    private static async Task NotifyPeopleAsync(
        this ICrowdsourceDb db, IEnumerable<string> userIds, NotificationKind kind, string subject, string link,
        Func<string, string?, string?, OutgoingEmail> email, DateTimeOffset now, CancellationToken cancellationToken)
    {
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

        foreach (var person in people)
        {
            db.Notifications.Add(Notification.To(person.Id, kind, subject, link, now));
            if (person.Email is { } address && !emailOff.Contains(person.Id))
            {
                db.OutgoingEmails.Add(email(address, person.DisplayName, person.PreferredCulture));
            }
        }
    }

    /// <summary>The sentence that says what happened, in <paramref name="culture"/>.</summary>
    public static string Describe(NotificationKind kind, string subject, CultureInfo culture) =>
        kind == NotificationKind.PrizeWon && PrizeWonNotice.FromSubject(subject) is { } prize
            ? prize.Describe(culture)
            : string.Format(culture, Messages.ResourceManager.GetString(TextKey(kind), culture) ?? kind.ToString(), subject);

    private static string TextKey(NotificationKind kind) => $"Notification{kind}";
}
