using Crowdsource.Domain.Moderation;
using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Moderation;
using Crowdsource.Domain.Entries;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Moderation;

/// <summary>
/// The screening queue: submitted entries oldest first, each approved, sent back with what to change, or rejected with
/// a reason; and the open reports, each resolved with what was done. The forms carry which entry (and the version the
/// page showed) or which report; the use cases check the moderator may decide on it.
/// </summary>
public sealed class QueueModel(ISender sender) : PageModel, IRedisplayable
{
    [BindProperty]
    public ScreeningInput Input { get; set; } = new();

    public GetScreeningQueue.Overview Queue { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ApproveEntry.Command(new EntryId(Input.EntryId), Input.Version), cancellationToken);
        return Done(UiText.EntryApprovedMessage);
    }

    public async Task<IActionResult> OnPostRequestChangesAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new RequestEntryChanges.Command(new EntryId(Input.EntryId), Input.Version, Input.Message), cancellationToken);
        return Done(UiText.ChangesRequestedMessage);
    }

    [Irreversible]
    public async Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new RejectEntry.Command(new EntryId(Input.EntryId), Input.Version, Input.Reason), cancellationToken);
        return Done(UiText.EntryRejectedMessage);
    }

    public async Task<IActionResult> OnPostResolveAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ResolveReport.Command(Input.ReportId, Input.Outcome, Input.Resolution), cancellationToken);
        return Done(UiText.ReportResolvedMessage);
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Queue = await sender.Send(new GetScreeningQueue.Query(), cancellationToken);

    private RedirectToPageResult Done(string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage();
    }

    public sealed class ScreeningInput
    {
        public Guid EntryId { get; set; }

        public uint Version { get; set; }

        [Display(Name = nameof(UiText.WhatToChange), ResourceType = typeof(UiText))]
        public string Message { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.RejectionReason), ResourceType = typeof(UiText))]
        public string Reason { get; set; } = string.Empty;

        public Guid ReportId { get; set; }

        [Display(Name = nameof(UiText.ReportOutcome), ResourceType = typeof(UiText))]
        public ReportOutcome? Outcome { get; set; }

        [Display(Name = nameof(UiText.WhatWasDone), ResourceType = typeof(UiText))]
        public string Resolution { get; set; } = string.Empty;
    }
}
