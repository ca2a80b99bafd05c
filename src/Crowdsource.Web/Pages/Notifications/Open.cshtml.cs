using Crowdsource.Application.Notifications;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Notifications;

/// <summary>Follows a notification: marks it read, then goes to what it is about (always a page of this site).</summary>
public sealed class OpenModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var link = await sender.Send(new OpenNotification.Command(id), cancellationToken);
        return LocalRedirect(link);
    }
}
