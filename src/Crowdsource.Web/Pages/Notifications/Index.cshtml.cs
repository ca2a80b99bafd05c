using Crowdsource.Application.Notifications;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Notifications;

/// <summary>The signed-in person's notification centre: newest first, unread ones marked; "mark all as read".</summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class IndexModel(ISender sender) : PageModel, IRedisplayable
{
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListMyNotifications.Result Result { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Result = await sender.Send(new ListMyNotifications.Query(PageNumber), cancellationToken);

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new MarkAllNotificationsRead.Command(), cancellationToken);
        TempData["StatusMessage"] = UiText.AllMarkedRead;
        return RedirectToPage();
    }
}
