using Crowdsource.Application.Accounts;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account;

/// <summary>The link from the confirmation e-mail lands here. A damaged or expired link says so and offers a new one.</summary>
public sealed class ConfirmEmailModel(ISender sender) : PageModel
{
    public async Task OnGetAsync(string? userId, string? code, CancellationToken cancellationToken) =>
        await sender.Send(new ConfirmEmail.Command(userId ?? string.Empty, SiteLinks.DecodeToken(code) ?? string.Empty), cancellationToken);
}
