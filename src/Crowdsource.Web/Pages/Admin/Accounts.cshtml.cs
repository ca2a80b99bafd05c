using Crowdsource.Application.Administration;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Admin;

/// <summary>Admins find accounts and grant or remove the Moderator and Admin roles.</summary>
public sealed class AccountsModel(ISender sender) : PageModel, IRedisplayable
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public ListAccounts.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await PrepareRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostGrantAsync(string userId, string role, CancellationToken cancellationToken)
    {
        await sender.Send(new GrantRole.Command(userId, role), cancellationToken);
        TempData["StatusMessage"] = UiText.RoleGranted;
        return RedirectToPage(new { Search, p = PageNumber });
    }

    public async Task<IActionResult> OnPostRevokeAsync(string userId, string role, CancellationToken cancellationToken)
    {
        await sender.Send(new RevokeRole.Command(userId, role), cancellationToken);
        TempData["StatusMessage"] = UiText.RoleRevoked;
        return RedirectToPage(new { Search, p = PageNumber });
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Result = await sender.Send(new ListAccounts.Query(Search, PageNumber), cancellationToken);
}
