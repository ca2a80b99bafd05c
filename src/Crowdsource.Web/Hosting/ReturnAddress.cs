using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The one rule for the page a person goes back to after log-in, sign-up, the confirmation e-mail or a change of
/// language: a path of this site (<see cref="SiteLinks.IsLocalPath"/>), without control characters (browsers drop a
/// tab or line break, so "/\t/evil.example" would become another site), and short enough to travel in an e-mailed link.
/// Letters outside ASCII are percent-encoded, as a browser would send them: a Location header takes ASCII only. Anything
/// else is forgotten, never refused: the person still logs in (or signs up, or switches language), and lands on the home page.
/// </summary>
public static class ReturnAddress
{
    /// <summary>Longer than any page address of the site with its search; far below what a server takes in a link.</summary>
    public const int MaximumLength = 1024;

    /// <summary>The address to go back to, ready for a Location header or a link, or null when it must be forgotten.</summary>
    public static string? OrNull(string? address)
    {
        if (!SiteLinks.IsLocalPath(address) || address.Length > MaximumLength || address.Any(char.IsControl))
        {
            return null;
        }

        if (address.All(char.IsAscii))
        {
            return address;
        }

        var encoded = new StringBuilder(address.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in address.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            foreach (var part in bytes[..rune.EncodeToUtf8(bytes)])
            {
                encoded.Append('%').Append(part.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.Length > MaximumLength ? null : encoded.ToString();
    }
}

/// <summary>
/// Binds a return address by <see cref="ReturnAddress"/>'s rule: a value it does not take is left out (null) without a
/// model error, so a damaged or hostile link never stops a log-in with a message about a field nobody can see.
/// </summary>
public sealed class ReturnAddressBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        var address = value.Length == 1 ? ReturnAddress.OrNull(value.FirstValue) : null;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, address, address);
        bindingContext.Result = ModelBindingResult.Success(address);
        return Task.CompletedTask;
    }
}
