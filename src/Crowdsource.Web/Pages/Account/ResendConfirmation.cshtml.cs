using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Accounts;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account;

[RateLimited(RateLimitGroup.AccountForm)]
public sealed class ResendConfirmationModel(ISender sender) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The page the person was on their way to when they signed up: the new link carries it back, as the first did.</summary>
    [BindProperty(SupportsGet = true, BinderType = typeof(ReturnAddressBinder))]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ResendEmailConfirmation.Command(Input.Email, ReturnUrl), cancellationToken);
        TempData["StatusMessage"] = UiText.ConfirmationResent;
        return RedirectToPage("/Account/Login", new { returnUrl = ReturnUrl });
    }

    public sealed class InputModel
    {
        [Display(Name = nameof(UiText.Email), ResourceType = typeof(UiText))]
        public string Email { get; set; } = string.Empty;
    }
}
