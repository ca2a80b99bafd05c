using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Entries;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Moderation;

/// <summary>A moderator reviews one challenge: approve, send back with a reason, or cancel; and reads its audit trail.</summary>
public sealed class ChallengeModel(ISender sender) : PageModel, IRedisplayable
{
    /// <summary>From the URL only: a form field named Id must not choose which object a post changes.</summary>
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public GetChallenge.Details Details { get; private set; } = null!;

    public IReadOnlyList<GetAuditTrail.Line> Trail { get; private set; } = [];

    public ListChallengeEntries.Listing Entries { get; private set; } = new([], null);

    private ChallengeId ChallengeId => new(Id);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await PrepareRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ApproveChallenge.Command(ChallengeId), cancellationToken);
        TempData["StatusMessage"] = UiText.ChallengeApproved;
        return RedirectToPage(new { id = Id });
    }

    [Irreversible]
    public async Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new RejectChallenge.Command(ChallengeId, Input.Reason), cancellationToken);
        TempData["StatusMessage"] = UiText.ChallengeRejected;
        return RedirectToPage("/Moderation/Index");
    }

    [Irreversible]
    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new CancelChallenge.Command(ChallengeId, Input.Reason), cancellationToken);
        TempData["StatusMessage"] = UiText.ChallengeCancelledByModerator;
        return RedirectToPage(new { id = Id });
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken)
    {
        Details = await sender.Send(new GetChallenge.Query(ChallengeId), cancellationToken);
        Trail = await sender.Send(new GetAuditTrail.Query(Id), cancellationToken);
        Entries = await sender.Send(new ListChallengeEntries.Query(ChallengeId), cancellationToken);
    }

    public sealed class DecisionInput
    {
        [Display(Name = nameof(UiText.Reason), ResourceType = typeof(UiText))]
        public string Reason { get; set; } = string.Empty;
    }
}
