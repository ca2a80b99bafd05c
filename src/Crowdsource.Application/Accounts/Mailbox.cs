namespace Crowdsource.Application.Accounts;

/// <summary>
/// The mailbox behind an e-mail address, so that one person's aliases count once: lower case, the "+tag" of the local
/// part dropped, and for Gmail (gmail.com, googlemail.com) the dots too, since Gmail ignores them.
/// </summary>
public static class Mailbox
{
    private const string Gmail = "gmail.com";
    private const string GoogleMail = "googlemail.com";

    public static string Of(string email)
    {
        var address = (email ?? string.Empty).Trim().ToLowerInvariant();
        var at = address.LastIndexOf('@');
        if (at <= 0)
        {
            return address;
        }

        var local = address[..at];
        var domain = address[(at + 1)..].TrimEnd('.'); // "x@d.com." is x@d.com
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            local = local[..plus];
        }

        if (domain is Gmail or GoogleMail)
        {
            local = local.Replace(".", string.Empty, StringComparison.Ordinal);
            domain = Gmail;
        }

        return $"{local}@{domain}";
    }

    /// <summary>The domains whose addresses can reach <paramref name="mailbox"/> (a value of <see cref="Of"/>), as Identity's upper-case "@DOMAIN" endings.</summary>
    public static IReadOnlyList<string> NormalizedDomainEndings(string mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var domain = mailbox[(mailbox.LastIndexOf('@') + 1)..];
        return domain == Gmail
            ? ["@" + Gmail.ToUpperInvariant(), "@" + GoogleMail.ToUpperInvariant()]
            : ["@" + domain.ToUpperInvariant()];
    }
}
