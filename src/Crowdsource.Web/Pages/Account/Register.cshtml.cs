using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Crowdsource.Application.Accounts;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account;

[RateLimited(RateLimitGroup.AccountForm)]
public sealed class RegisterModel(ISender sender) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The page the person was on their way to (a local path only): the confirmation e-mail carries it back.</summary>
    [BindProperty(SupportsGet = true, BinderType = typeof(ReturnAddressBinder))]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Index") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Every problem at once, the mismatch included: the validator checks all the fields in one go.
        await sender.Send(new RegisterAccount.Command(
            Input.DisplayName, Input.Email, Input.Password, CultureInfo.CurrentUICulture.Name,
            ReturnUrl, Input.ConfirmPassword), cancellationToken);
        TempData["RegisteredEmail"] = Input.Email.Trim();
        return RedirectToPage("/Account/RegisterConfirmation");
    }

    public sealed class InputModel
    {
        [Display(Name = nameof(UiText.DisplayName), ResourceType = typeof(UiText))]
        public string DisplayName { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.Email), ResourceType = typeof(UiText))]
        public string Email { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.Password), ResourceType = typeof(UiText))]
        public string Password { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.ConfirmPassword), ResourceType = typeof(UiText))]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
