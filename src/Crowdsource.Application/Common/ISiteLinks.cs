namespace Crowdsource.Application.Common;

/// <summary>Absolute links that e-mails carry. The web layer builds them (it knows the host and routes).</summary>
public interface ISiteLinks
{
    /// <summary>The confirmation link; with <paramref name="returnUrl"/> (a local path), the page the person was on their way to.</summary>
    Uri ConfirmEmail(string userId, string token, string? returnUrl);

    Uri ResetPassword(string email, string token);

    Uri LogIn();

    Uri AcceptBrandInvitation(string token);

    /// <summary>The absolute address of a page of the site, from its path ("/Entries/…").</summary>
    Uri Page(string path);
}
