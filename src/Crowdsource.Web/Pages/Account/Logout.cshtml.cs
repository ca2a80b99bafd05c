using Crowdsource.Application.Accounts;
using Crowdsource.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account;

/// <summary>Logging out is a POST (with its antiforgery token), so a link on another site cannot do it.</summary>
public sealed class LogoutModel(SignInManager<CrowdsourceUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["StatusMessage"] = UiText.LoggedOut;
        return RedirectToPage("/Index");
    }
}
