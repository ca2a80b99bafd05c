using System.Text;
using Crowdsource.Application.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Hosting;

/// <summary>Builds the absolute links of e-mails, from the configured public address only. Tokens travel Base64Url-encoded.</summary>
internal sealed class SiteLinks(LinkGenerator links, IOptions<CrowdsourceOptions> options)
    : ISiteLinks
{
    public Uri ConfirmEmail(string userId, string token, string? returnUrl) =>
        Absolute("/Account/ConfirmEmail", ReturnAddress.OrNull(returnUrl) is { } back
            ? new { userId, code = EncodeToken(token), returnUrl = back }
            : (object)new { userId, code = EncodeToken(token) });

    public Uri ResetPassword(string email, string token) =>
        Absolute("/Account/ResetPassword", new { email, code = EncodeToken(token) });

    public Uri LogIn() => Absolute("/Account/Login", null);

    public Uri AcceptBrandInvitation(string token) => Absolute("/Brands/Join", new { token });

    public Uri Page(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return IsLocalPath(path)
            ? new Uri(BaseUrl(), path)
            : throw new ArgumentException("A path inside the site.", nameof(path));
    }

    /// <summary>A path inside this site ("/…"), never another host ("//host", "/\\host") nor an absolute address.</summary>
    public static bool IsLocalPath([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? path) =>
        !string.IsNullOrEmpty(path) && path.StartsWith('/')
        && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal);

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token from a link, or null when the link was damaged.</summary>
    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private Uri Absolute(string page, object? values)
    {
        var path = links.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"No route to {page}.");
        return new Uri(BaseUrl(), path);
    }

    /// <summary>The configured public address (<see cref="PublicBaseUrl"/>): never the request's Host header, which anyone can forge.</summary>
    private Uri BaseUrl() => options.Value.PublicBaseUrl
        ?? throw new InvalidOperationException($"Links need {PublicBaseUrl.Setting}.");
}
