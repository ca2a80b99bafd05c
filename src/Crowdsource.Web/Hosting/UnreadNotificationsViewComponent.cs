using Crowdsource.Application.Notifications;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Crowdsource.Web.Hosting;

/// <summary>The header's link to the notification centre, with the number of unread notifications (one indexed count). Its view: Pages/Shared/Components/UnreadNotifications.</summary>
public sealed class UnreadNotificationsViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await sender.Send(new CountUnreadNotifications.Query(), HttpContext.RequestAborted));
}
