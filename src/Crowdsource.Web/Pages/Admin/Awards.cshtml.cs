using Crowdsource.Application.Awards;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Admin;

/// <summary>Admins see every award (unpaid first) and record payments, which puts the licence grants into effect.</summary>
public sealed class AwardsModel(ISender sender) : PageModel, IRedisplayable
{
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public PaymentInput Input { get; set; } = new();

    public ListAwards.Result Result { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    [Irreversible]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new MarkAwardPaid.Command(Input.AwardId, Input.Version, Input.PaymentReference), cancellationToken);
        TempData["StatusMessage"] = UiText.AwardMarkedPaid;
        return RedirectToPage(new { p = PageNumber });
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Result = await sender.Send(new ListAwards.Query(PageNumber), cancellationToken);

    public sealed class PaymentInput
    {
        public Guid AwardId { get; set; }

        public uint Version { get; set; }

        public string PaymentReference { get; set; } = string.Empty;
    }
}
