using Crowdsource.Application.Funding;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Admin;

/// <summary>
/// Admins check the transfers brands recorded against the platform's account (confirm or refuse, saying why) and
/// record the return of a cancelled challenge's prize pool.
/// </summary>
public sealed class FundingModel(ISender sender) : PageModel, IRedisplayable
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public GetFundingDesk.Desk Desk { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    [Irreversible]
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ConfirmPrizeTransfer.Command(Input.TransferId, Input.Version), cancellationToken);
        TempData["StatusMessage"] = UiText.TransferConfirmedStatus;
        return RedirectToPage();
    }

    [Irreversible]
    public async Task<IActionResult> OnPostRefuseAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new RefusePrizeTransfer.Command(Input.TransferId, Input.Version, Input.Reason), cancellationToken);
        TempData["StatusMessage"] = UiText.TransferRefusedStatus;
        return RedirectToPage();
    }

    [Irreversible]
    public async Task<IActionResult> OnPostReturnAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ReturnPrizeFunds.Command(new ChallengeId(Input.ChallengeId), Input.Reference), cancellationToken);
        TempData["StatusMessage"] = UiText.FundsReturnedStatus;
        return RedirectToPage();
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Desk = await sender.Send(new GetFundingDesk.Query(), cancellationToken);

    public sealed class DecisionInput
    {
        public Guid TransferId { get; set; }

        public uint Version { get; set; }

        public string Reason { get; set; } = string.Empty;

        public Guid ChallengeId { get; set; }

        public string Reference { get; set; } = string.Empty;
    }
}
