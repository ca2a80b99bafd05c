using Crowdsource.Application.Notifications;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Admin;

/// <summary>Admins watch the e-mail outbox (waiting, retrying, parked) and have e-mails sent again once the cause is fixed.</summary>
public sealed class OutboxModel(ISender sender) : PageModel, IRedisplayable
{
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListOutbox.Result Result { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    public Task<IActionResult> OnPostSendAsync(Guid emailId, CancellationToken cancellationToken) =>
        SendAgainAsync(emailId, cancellationToken);

    public Task<IActionResult> OnPostSendParkedAsync(CancellationToken cancellationToken) =>
        SendAgainAsync(null, cancellationToken);

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Result = await sender.Send(new ListOutbox.Query(PageNumber), cancellationToken);

    private async Task<IActionResult> SendAgainAsync(Guid? emailId, CancellationToken cancellationToken)
    {
        var queued = await sender.Send(new SendEmailsAgain.Command(emailId), cancellationToken);
        TempData["StatusMessage"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, UiText.EmailsSentAgain, queued);
        return RedirectToPage(new { p = PageNumber });
    }
}
