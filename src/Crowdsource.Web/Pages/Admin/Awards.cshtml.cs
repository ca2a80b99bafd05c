using Crowdsource.Application.Awards;
using Crowdsource.Application.Offers;
using Crowdsource.Application.Payouts;
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

    /// <summary>The offer payment being recorded (the second section: accepted offers, paid by the brands).</summary>
    [BindProperty]
    public OfferPaymentInput OfferPayment { get; set; } = new();

    /// <summary>Accepted offers, unpaid first (first page: there are few).</summary>
    public ListOffersToPay.Result Offers { get; private set; } = null!;

    /// <summary>The masked payout details of the creatives of the unpaid awards shown, by award.</summary>
    public IReadOnlyDictionary<Guid, GetMyPayoutDetails.Summary> Payees { get; private set; } = new Dictionary<Guid, GetMyPayoutDetails.Summary>();

    /// <summary>The full payout details an admin asked to see (an audited look), with the award they are for.</summary>
    public (Guid AwardId, PayoutAccount Account)? Revealed { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    [Irreversible]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new MarkAwardPaid.Command(Input.AwardId, Input.Version, Input.PaymentReference), cancellationToken);
        TempData["StatusMessage"] = UiText.AwardMarkedPaid;
        return RedirectToPage(new { p = PageNumber });
    }

    /// <summary>Records the brand's payment of an accepted offer: the licence grant of the offer is written.</summary>
    [Irreversible]
    public async Task<IActionResult> OnPostOfferAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new MarkOfferPaid.Command(OfferPayment.OfferId, OfferPayment.Version, OfferPayment.PaymentReference), cancellationToken);
        TempData["StatusMessage"] = UiText.OfferMarkedPaid;
        return RedirectToPage(null, null, new { p = PageNumber }, "offers-to-pay");
    }

    [BindProperty]
    public RunnerUpPaymentInput RunnerUp { get; set; } = new();

    /// <summary>The runner-up rewards: unpaid first, then the last paid.</summary>
    public IReadOnlyList<ListRunnerUpRewards.Row> RunnerUps { get; private set; } = [];

    /// <summary>An admin records a runner-up reward as paid (a grant is written only when the licence says so).</summary>
    [Irreversible]
    public async Task<IActionResult> OnPostRunnerUpAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new MarkRunnerUpRewardPaid.Command(RunnerUp.RewardId, RunnerUp.Version, RunnerUp.PaymentReference), cancellationToken);
        TempData["StatusMessage"] = UiText.RunnerUpMarkedPaid;
        return RedirectToPage(null, null, new { p = PageNumber }, "runner-ups");
    }

    /// <summary>Shows one creative's full payout details in this response only (never kept, never cached); the look is audited.</summary>
    public async Task<IActionResult> OnPostRevealAsync(Guid awardId, CancellationToken cancellationToken)
    {
        var account = await sender.Send(new RevealPayoutDetails.Command(awardId), cancellationToken);
        Revealed = (awardId, account);
        Response.Headers.CacheControl = "private, no-store";
        await PrepareRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken)
    {
        Result = await sender.Send(new ListAwards.Query(PageNumber), cancellationToken);
        Offers = await sender.Send(new ListOffersToPay.Query(), cancellationToken);
        RunnerUps = await sender.Send(new ListRunnerUpRewards.Query(), cancellationToken);
        Payees = await sender.Send(new ListAwardPayees.Query([.. Result.Rows.Where(row => !row.IsPaid).Select(row => row.Id)]), cancellationToken);
    }

    public sealed class PaymentInput
    {
        public Guid AwardId { get; set; }

        public uint Version { get; set; }

        public string PaymentReference { get; set; } = string.Empty;
    }

    public sealed class OfferPaymentInput
    {
        public Guid OfferId { get; set; }

        public uint Version { get; set; }

        public string PaymentReference { get; set; } = string.Empty;
    }

    public sealed class RunnerUpPaymentInput
    {
        public Guid RewardId { get; set; }

        public uint Version { get; set; }

        public string PaymentReference { get; set; } = string.Empty;
    }
}
