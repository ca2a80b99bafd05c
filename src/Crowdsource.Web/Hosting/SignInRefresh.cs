using System.Security.Claims;
using Crowdsource.Application.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Web.Hosting;

internal static class SignInRefresh
{
    /// <summary>Issues a fresh cookie after the account changed (display name, security stamp).</summary>
    public static async Task RefreshCookieAsync(this SignInManager<CrowdsourceUser> signIn, ClaimsPrincipal principal)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }
}
