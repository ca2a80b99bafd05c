using Crowdsource.Application.Common;

namespace Crowdsource.Application.Tests.Support;

/// <summary>Links as the web layer would build them, with the raw token readable by the tests.</summary>
internal sealed class TestSiteLinks : ISiteLinks
{
    public const string Base = "https://crowdsource.test";

    public Uri ConfirmEmail(string userId, string token, string? returnUrl) =>
        new($"{Base}/Account/ConfirmEmail?userId={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(token)}");

    public Uri ResetPassword(string email, string token) =>
        new($"{Base}/Account/ResetPassword?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(token)}");

    public Uri LogIn() => new($"{Base}/Account/Login");

    public Uri AcceptBrandInvitation(string token) => new($"{Base}/Brands/Join?code={Uri.EscapeDataString(token)}");

    public Uri Page(string path) => new($"{Base}{path}");

    /// <summary>The token carried by a link in an e-mail body.</summary>
    public static string TokenIn(string emailText)
    {
        var start = emailText.IndexOf(Base, StringComparison.Ordinal);
        var end = emailText.IndexOfAny(['\r', '\n', ' '], start);
        var link = new Uri(emailText[start..end]);
        var code = link.Query.TrimStart('?').Split('&').Single(part => part.StartsWith("code=", StringComparison.Ordinal));
        return Uri.UnescapeDataString(code["code=".Length..]);
    }
}
