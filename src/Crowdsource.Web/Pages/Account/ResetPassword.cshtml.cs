using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Accounts;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account;

/// <summary>The link from the reset e-mail: choose a new password.</summary>
[RateLimited(RateLimitGroup.AccountForm)]
public sealed class ResetPasswordModel(ISender sender) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet(string? email, string? code)
    {
        Input.Email = email ?? string.Empty;
        Input.Token = code ?? string.Empty;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ResetPassword.Command(
            Input.Email, SiteLinks.DecodeToken(Input.Token) ?? string.Empty, Input.NewPassword, Input.ConfirmPassword), cancellationToken);
        TempData["StatusMessage"] = UiText.PasswordResetDone;
        return RedirectToPage("/Account/Login");
    }

    public sealed class InputModel
    {
        [Display(Name = nameof(UiText.Email), ResourceType = typeof(UiText))]
        public string Email { get; set; } = string.Empty;

        /// <summary>The Base64Url code from the e-mailed link.</summary>
        public string Token { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.NewPassword), ResourceType = typeof(UiText))]
        public string NewPassword { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.ConfirmPassword), ResourceType = typeof(UiText))]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
