using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Accounts;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account.Manage;

[RateLimited(RateLimitGroup.LogIn)]
public sealed class ChangePasswordModel(ISender sender, SignInManager<CrowdsourceUser> signIn)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ChangePassword.Command(Input.CurrentPassword, Input.NewPassword, Input.ConfirmPassword), cancellationToken);

        // The security stamp changed (other sessions end); this one gets a fresh cookie.
        await signIn.RefreshCookieAsync(User);

        TempData["StatusMessage"] = UiText.PasswordChanged;
        return RedirectToPage("/Account/Manage/Index");
    }

    public sealed class InputModel
    {
        [Display(Name = nameof(UiText.CurrentPassword), ResourceType = typeof(UiText))]
        public string CurrentPassword { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.NewPassword), ResourceType = typeof(UiText))]
        public string NewPassword { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.ConfirmPassword), ResourceType = typeof(UiText))]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
