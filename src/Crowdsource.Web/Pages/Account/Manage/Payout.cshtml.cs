using Crowdsource.Application.Payouts;
using Crowdsource.Domain.Payouts;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account.Manage;

/// <summary>
/// The creative says where their prizes are paid (an IBAN or a PayPal address, and the holder's name), changes it or
/// removes it. What they typed is never shown back once saved: only the masked form.
/// </summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class PayoutModel(ISender sender) : PageModel, IRedisplayable
{
    [BindProperty]
    public PayoutInput Input { get; set; } = new();

    public GetMyPayoutDetails.Summary? Current { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await PrepareRedisplayAsync(cancellationToken);
        Input.Method = Current?.Method ?? PayoutMethod.BankTransfer;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new SavePayoutDetails.Command(Input.Method, Input.HolderName, Input.Iban, Input.PayPalEmail), cancellationToken);
        TempData["StatusMessage"] = UiText.PayoutSaved;
        return RedirectToPage("/Account/Manage/Earnings");
    }

    [Irreversible]
    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new RemovePayoutDetails.Command(), cancellationToken);
        TempData["StatusMessage"] = UiText.PayoutRemoved;
        return RedirectToPage("/Account/Manage/Earnings");
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Current = await sender.Send(new GetMyPayoutDetails.Query(), cancellationToken);

    public sealed class PayoutInput
    {
        public PayoutMethod Method { get; set; }

        public string? HolderName { get; set; }

        public string? Iban { get; set; }

        public string? PayPalEmail { get; set; }
    }
}
