using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Notifications;

namespace Crowdsource.Application.Accounts;

/// <summary>The e-mails about an account, written in the account's language.</summary>
internal static class AccountEmails
{
    public static OutgoingEmail ConfirmEmail(CrowdsourceUser user, Uri link, DateTimeOffset now) =>
        Compose(user, nameof(Messages.EmailConfirmSubject), nameof(Messages.EmailConfirmIntro), nameof(Messages.EmailConfirmAction), link, now);

    public static OutgoingEmail ResetPassword(CrowdsourceUser user, Uri link, DateTimeOffset now) =>
        Compose(user, nameof(Messages.EmailResetSubject), nameof(Messages.EmailResetIntro), nameof(Messages.EmailResetAction), link, now);

    public static OutgoingEmail AlreadyRegistered(CrowdsourceUser user, Uri link, DateTimeOffset now) =>
        Compose(user, nameof(Messages.EmailAlreadyRegisteredSubject), nameof(Messages.EmailAlreadyRegisteredIntro), nameof(Messages.EmailAlreadyRegisteredAction), link, now);

    private static OutgoingEmail Compose(
        CrowdsourceUser user, string subjectKey, string introKey, string actionKey, Uri link, DateTimeOffset now)
    {
        var culture = SupportedCultures.ToCultureInfo(user.PreferredCulture);
        string Text(string key) => Messages.ResourceManager.GetString(key, culture)
            ?? throw new InvalidOperationException($"Missing resource {key}.");

        var greeting = string.Format(culture, Text(nameof(Messages.EmailGreeting)), user.DisplayName);
        var intro = Text(introKey);
        var action = Text(actionKey);
        var ignore = Text(nameof(Messages.EmailIgnoreIfNotYou));
        var signature = Text(nameof(Messages.EmailSignature));
        var url = link.AbsoluteUri;

        var text = new StringBuilder()
            .AppendLine(greeting).AppendLine()
            .AppendLine(intro).AppendLine()
            .Append(action).Append(": ").AppendLine(url).AppendLine()
            .AppendLine(ignore).AppendLine()
            .AppendLine(signature)
            .ToString();

        var encode = HtmlEncoder.Default;
        var html = string.Create(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{culture.TwoLetterISOLanguageName}"><body style="font-family:sans-serif;line-height:1.5;color:#1f2328">
            <p>{encode.Encode(greeting)}</p>
            <p>{encode.Encode(intro)}</p>
            <p><a href="{encode.Encode(url)}" style="display:inline-block;padding:.6em 1.2em;background:#5b21b6;color:#fff;text-decoration:none;border-radius:6px">{encode.Encode(action)}</a></p>
            <p style="font-size:.9em">{encode.Encode(url)}</p>
            <p style="font-size:.9em;color:#57606a">{encode.Encode(ignore)}</p>
            <p>{encode.Encode(signature)}</p>
            </body></html>
            """);

        return OutgoingEmail.Create(user.Email!, user.DisplayName, Text(subjectKey), text, html, now);
    }
}
