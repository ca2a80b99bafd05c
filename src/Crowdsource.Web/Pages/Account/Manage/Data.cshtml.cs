using Crowdsource.Application.Accounts;
using Crowdsource.Application.Privacy;
using Crowdsource.Web.Files;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account.Manage;

/// <summary>The person's data: download everything the platform holds about them, or delete the account.</summary>
[RateLimited(RateLimitGroup.LogIn)]
public sealed class DataModel(ISender sender, SignInManager<CrowdsourceUser> signIn) : PageModel
{
    [BindProperty]
    public DeleteInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        new PersonalDataArchiveResult(await sender.Send(new ExportMyData.Query(), cancellationToken));

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteMyAccount.Command(Input.Password), cancellationToken);
        await signIn.SignOutAsync();
        TempData["StatusMessage"] = UiText.AccountDeleted;
        return RedirectToPage("/Index");
    }

    public sealed class DeleteInput
    {
        public string Password { get; set; } = string.Empty;
    }
}
