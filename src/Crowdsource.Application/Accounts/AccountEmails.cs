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
    /// <summary>The kinds the outbox caps per recipient (<see cref="AccountMailbox"/>).</summary>
    public const string ConfirmKind = "account.confirm";

    public const string ResetKind = "account.reset";

    public const string AlreadyRegisteredKind = "account.already-registered";

    /// <summary>
    /// Nobody's account: when an address has no account (or needs nothing), the use case still makes a token for
    /// this stand-in, so the answer takes as long either way. It is never saved and never receives anything.
    /// </summary>
    public static CrowdsourceUser Nobody(DateTimeOffset now)
    {
        var nobody = CrowdsourceUser.Create("nobody@invalid.invalid", "Nobody", SupportedCultures.Default, now);
        nobody.SecurityStamp = Guid.NewGuid().ToString("N");
        return nobody;
    }

    public static OutgoingEmail ConfirmEmail(CrowdsourceUser user, Uri link, DateTimeOffset now) =>
        ToUser(user, nameof(Messages.EmailConfirmSubject), nameof(Messages.EmailConfirmIntro), nameof(Messages.EmailConfirmAction), link, now, ConfirmKind);

    public static OutgoingEmail ResetPassword(CrowdsourceUser user, Uri link, DateTimeOffset now) =>
        ToUser(user, nameof(Messages.EmailResetSubject), nameof(Messages.EmailResetIntro), nameof(Messages.EmailResetAction), link, now, ResetKind);

    public static OutgoingEmail AlreadyRegistered(CrowdsourceUser user, Uri link, DateTimeOffset now) =>
        ToUser(user, nameof(Messages.EmailAlreadyRegisteredSubject), nameof(Messages.EmailAlreadyRegisteredIntro), nameof(Messages.EmailAlreadyRegisteredAction), link, now, AlreadyRegisteredKind);

    // Greeted by name only once the address is confirmed: until then the name may have been typed by a stranger who
    // registered someone else's address, and must not reach that inbox (nor its To: line).
    private static OutgoingEmail ToUser(CrowdsourceUser user, string subjectKey, string introKey, string actionKey, Uri link, DateTimeOffset now, string kind) =>
        Emails.Compose(user.Email!, user.EmailConfirmed ? user.DisplayName : null, user.PreferredCulture, subjectKey, introKey, actionKey, link, now, kind: kind);
}
