using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Crowdsource.Application.Accounts;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Notifications;

namespace Crowdsource.Application.Notifications;

/// <summary>
/// Every e-mail has the same shape: greeting, one paragraph, a list of links when there are several things to show
/// (a digest), one link as a button, a footer line (by default, what to do if the reader did not ask for it), the signature,
/// in the recipient's language; text and HTML parts say the same.
/// </summary>
internal static class Emails
{
    public static OutgoingEmail Compose(
        string toAddress, string? toName, string? culture, string subjectKey, string introKey, string actionKey, Uri link,
        DateTimeOffset now, object[]? subjectArguments = null, object[]? introArguments = null, string footerKey = nameof(Messages.EmailIgnoreIfNotYou),
        string? kind = null, IReadOnlyList<EmailItem>? items = null)
    {
        ArgumentNullException.ThrowIfNull(link);
        var language = SupportedCultures.ToCultureInfo(culture);
        string Text(string key) => Messages.ResourceManager.GetString(key, language)
            ?? throw new InvalidOperationException($"Missing resource {key}.");

        var greeting = string.IsNullOrWhiteSpace(toName)
            ? Text(nameof(Messages.EmailGreetingNoName))
            : string.Format(language, Text(nameof(Messages.EmailGreeting)), toName);
        var subject = string.Format(language, Text(subjectKey), subjectArguments ?? []);
        var intro = string.Format(language, Text(introKey), introArguments ?? []);
        var action = Text(actionKey);
        var ignore = Text(footerKey);
        var signature = Text(nameof(Messages.EmailSignature));
        var url = link.AbsoluteUri;

        items ??= [];
        var text = new StringBuilder()
            .AppendLine(greeting).AppendLine()
            .AppendLine(intro).AppendLine();
        foreach (var item in items)
        {
            text.Append("- ").AppendLine(item.Text).Append("  ").AppendLine(item.Link.AbsoluteUri);
        }

        if (items.Count > 0)
        {
            text.AppendLine();
        }

        text
            .Append(action).Append(": ").AppendLine(url).AppendLine()
            .AppendLine(ignore).AppendLine()
            .AppendLine(signature);

        var encode = HtmlEncoder.Default;
        var list = items.Count == 0 ? string.Empty : string.Concat(
            "<ul>", string.Concat(items.Select(item => $"<li><a href=\"{encode.Encode(item.Link.AbsoluteUri)}\">{encode.Encode(item.Text)}</a></li>")), "</ul>");
        var html = string.Create(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{language.TwoLetterISOLanguageName}"><body style="font-family:sans-serif;line-height:1.5;color:#1f2328">
            <p>{encode.Encode(greeting)}</p>
            <p>{encode.Encode(intro)}</p>
            {list}
            <p><a href="{encode.Encode(url)}" style="display:inline-block;padding:.6em 1.2em;background:#5b21b6;color:#fff;text-decoration:none;border-radius:6px">{encode.Encode(action)}</a></p>
            <p style="font-size:.9em">{encode.Encode(url)}</p>
            <p style="font-size:.9em;color:#57606a">{encode.Encode(ignore)}</p>
            <p>{encode.Encode(signature)}</p>
            </body></html>
            """);

        return OutgoingEmail.Create(toAddress, toName, subject, text.ToString(), html, now, kind);
    }
}

/// <summary>
/// One line of an e-mail's list: what it is, and where to see it. The text is kept on one line: a title typed with line
/// breaks (a brand may change it while the challenge is open) cannot add lines of its own to the site's e-mail.
/// </summary>
internal sealed record EmailItem(string Text, Uri Link)
{
    public string Text { get; } = string.Join(' ', Text.Split(['\r', '\n', '\u0085', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
