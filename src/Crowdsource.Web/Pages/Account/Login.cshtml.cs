using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Accounts;
using Crowdsource.Application.Resources;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account;

/// <summary>
/// Log in. A wrong password, an unknown address and a locked account get the same answer, so the page never
/// tells a stranger whether an account exists; it does say how lockout works and how to get back in.
/// </summary>
[RateLimited(RateLimitGroup.LogIn)]
public sealed class LoginModel(SignInManager<CrowdsourceUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The page the person was on their way to (<see cref="ReturnAddress"/>: a local path, or null).</summary>
    [BindProperty(SupportsGet = true, BinderType = typeof(ReturnAddressBinder))]
    public string? ReturnUrl { get; set; }

    /// <summary>The password was right but the address is not confirmed yet.</summary>
    public bool NeedsConfirmation { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", Messages.EmailRequired);
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", Messages.PasswordRequired);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl ?? "/");
        }

        if (result.IsNotAllowed)
        {
            NeedsConfirmation = true;
            ModelState.AddModelError(string.Empty, UiText.LoginNeedsConfirmation);
            return Page();
        }

        ModelState.AddModelError(string.Empty, UiText.LoginFailed);
        return Page();
    }

    public sealed class InputModel
    {
        [Display(Name = nameof(UiText.Email), ResourceType = typeof(UiText))]
        public string Email { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.Password), ResourceType = typeof(UiText))]
        public string Password { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.RememberMe), ResourceType = typeof(UiText))]
        public bool RememberMe { get; set; }
    }
}
