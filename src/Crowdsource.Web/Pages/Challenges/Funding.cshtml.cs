using Crowdsource.Application.Funding;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Challenges;

/// <summary>
/// A challenge's prize pool for its brand and the staff: how to fund it, the transfers recorded (an owner records a new
/// one here), and the ledger of every money movement with the balance.
/// </summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class FundingModel(ISender sender) : PageModel, IRedisplayable
{
    /// <summary>From the URL only: a form field named Id must not choose which object a post changes.</summary>
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public TransferInput Input { get; set; } = new();

    public GetChallengeFunding.Funding Funding { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new RecordPrizeTransfer.Command(new ChallengeId(Id), Input.Reference), cancellationToken);
        TempData["StatusMessage"] = UiText.TransferRecordedStatus;
        return RedirectToPage(new { id = Id });
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Funding = await sender.Send(new GetChallengeFunding.Query(new ChallengeId(Id)), cancellationToken);

    public sealed class TransferInput
    {
        public string Reference { get; set; } = string.Empty;
    }
}
