using Crowdsource.Application.Accounts;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account;

/// <summary>The link from the confirmation e-mail lands here. A damaged or expired link says so and offers a new one.</summary>
public sealed class ConfirmEmailModel(ISender sender) : PageModel
{
    /// <summary>The local page the person was on their way to when they signed up (from the link); anything else is ignored.</summary>
    public string? ReturnUrl { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, [ModelBinder(typeof(ReturnAddressBinder))] string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = returnUrl;
        await sender.Send(new ConfirmEmail.Command(userId ?? string.Empty, SiteLinks.DecodeToken(code) ?? string.Empty), cancellationToken);
    }
}
