using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Notifications;

namespace Crowdsource.Application.Accounts;

/// <summary>
/// The e-mails about an account, written in the account's language. They carry no text typed by anyone else: the
/// display name only when the address has been confirmed.
/// </summary>
internal static class AccountEmails
{
    public static OutgoingEmail ConfirmEmail(CrowdsourceUser user, Uri link, DateTimeOffset now) =>
        ToUser(user, nameof(Messages.EmailConfirmSubject), nameof(Messages.EmailConfirmIntro), nameof(Messages.EmailConfirmAction), link, now);

    public static OutgoingEmail ResetPassword(CrowdsourceUser user, Uri link, DateTimeOffset now) =>
        ToUser(user, nameof(Messages.EmailResetSubject), nameof(Messages.EmailResetIntro), nameof(Messages.EmailResetAction), link, now);

    public static OutgoingEmail AlreadyRegistered(CrowdsourceUser user, Uri link, DateTimeOffset now) =>
        ToUser(user, nameof(Messages.EmailAlreadyRegisteredSubject), nameof(Messages.EmailAlreadyRegisteredIntro), nameof(Messages.EmailAlreadyRegisteredAction), link, now);

    // Greeted by name only once the address is confirmed: until then the name may have been typed by a stranger who
    // registered someone else's address, and must not reach that inbox (nor its To: line).
    private static OutgoingEmail ToUser(CrowdsourceUser user, string subjectKey, string introKey, string actionKey, Uri link, DateTimeOffset now) =>
        Emails.Compose(user.Email!, user.EmailConfirmed ? user.DisplayName : null, user.PreferredCulture, subjectKey, introKey, actionKey, link, now);
}
