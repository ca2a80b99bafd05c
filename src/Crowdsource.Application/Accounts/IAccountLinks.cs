namespace Crowdsource.Application.Accounts;

/// <summary>Absolute links that account e-mails carry. The web layer builds them (it knows the host and routes).</summary>
public interface IAccountLinks
{
    Uri ConfirmEmail(string userId, string token);

    Uri ResetPassword(string email, string token);

    Uri LogIn();
}
