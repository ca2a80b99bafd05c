using Crowdsource.Application.Notifications;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Pages.Development;

/// <summary>
/// Every e-mail the site queued, so a developer (or a browser test) can open the links without a mail server.
/// Answers 404 unless Crowdsource:DevelopmentMailbox is on, which it never is outside Development.
/// </summary>
public sealed class MailboxModel(ISender sender, IOptions<CrowdsourceOptions> options) : PageModel
{
    public IReadOnlyList<ListRecentEmails.Email> Emails { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DevelopmentMailbox)
        {
            return NotFound();
        }

        Emails = await sender.Send(new ListRecentEmails.Query(), cancellationToken);
        return Page();
    }
}
