using System.Net.Mail;

namespace Crowdsource.Domain.Payouts;

/// <summary>The e-mail address of a PayPal account: checked, stored trimmed, shown masked ("j•••@example.org").</summary>
public static class PayPalAddress
{
    public const int MaximumLength = 254;

    public static string Normalise(string? typed) => (typed ?? string.Empty).Trim();

    /// <summary>A plain address (no display name), with a dotted domain: "name@example.org".</summary>
    public static bool IsValid(string? typed)
    {
        var address = Normalise(typed);
        if (address.Length is 0 or > MaximumLength || address.Any(char.IsWhiteSpace))
        {
            return false;
        }

        return MailAddress.TryCreate(address, out var parsed)
            && string.Equals(parsed.Address, address, StringComparison.Ordinal)
            && parsed.User.Length > 0
            && parsed.Host.Contains('.', StringComparison.Ordinal)
            && !parsed.Host.StartsWith('.') && !parsed.Host.EndsWith('.');
    }

    /// <summary>The first character of the name and the whole domain.</summary>
    public static string Mask(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var at = address.LastIndexOf('@');
        return at <= 0 ? "•••" : $"{address[0]}•••{address[at..]}";
    }
}
