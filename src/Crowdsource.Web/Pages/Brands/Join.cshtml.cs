using Crowdsource.Application.Brands;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Brands;

/// <summary>
/// The link of a brand invitation. Joining is a POST (the link only shows a button), so a mail scanner that
/// follows links cannot accept on the person's behalf.
/// </summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class JoinModel(ISender sender, SignInManager<Application.Accounts.CrowdsourceUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = string.Empty;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var brand = await sender.Send(new AcceptBrandInvitation.Command(Token), cancellationToken);
        await signIn.RefreshCookieAsync(User);
        TempData["StatusMessage"] = UiText.JoinedBrand;
        return RedirectToPage("/Brands/Workspace", new { id = brand.Value });
    }
}
