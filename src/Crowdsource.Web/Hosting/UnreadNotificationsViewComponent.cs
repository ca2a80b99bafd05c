using Crowdsource.Application.Notifications;
using Crowdsource.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The header's link to the notification centre, with the number of unread notifications. On a GET the count read
/// with the session is shown (no query of its own); after a POST that may have changed it, it is counted again.
/// Its view: Pages/Shared/Components/UnreadNotifications.
/// </summary>
public sealed class UnreadNotificationsViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(HttpMethods.IsGet(HttpContext.Request.Method) && UnreadNotificationsOfRequest.TryGet(HttpContext, out var unread)
            ? unread
            : await sender.Send(new CountUnreadNotifications.Query(), HttpContext.RequestAborted));
}
