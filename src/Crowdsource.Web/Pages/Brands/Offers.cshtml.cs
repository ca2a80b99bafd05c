using Crowdsource.Application.Offers;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Brands;

/// <summary>
/// After the results, the brand's offers on the approved entries that did not win: each entry with its offers as they
/// stand, and (for the brand's Owner) a form to make one, with a confirmation step, or to withdraw a pending one.
/// </summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class OffersModel(ISender sender) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public OfferInput Input { get; set; } = new();

    public ListChallengeOffers.Result Board { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    [Irreversible]
    public async Task<IActionResult> OnPostMakeAsync(CancellationToken cancellationToken)
    {
        // The entry's own challenge decides who may make the offer (the handler checks); the route says where to come back.
        await sender.Send(new MakeOffer.Command(new EntryId(Input.EntryId), Input.Amount ?? 0, Input.Message ?? string.Empty, Input.LicenceVersionId), cancellationToken);
        TempData["StatusMessage"] = UiText.OfferMadeStatus;
        return RedirectToPage(null, null, new { id = Id }, $"entry-{Input.EntryId}");
    }

    [Irreversible]
    public async Task<IActionResult> OnPostWithdrawAsync(Guid offerId, Guid entryId, CancellationToken cancellationToken)
    {
        await sender.Send(new WithdrawOffer.Command(offerId), cancellationToken);
        TempData["StatusMessage"] = UiText.OfferWithdrawnStatus;
        return RedirectToPage(null, null, new { id = Id }, $"entry-{entryId}");
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Board = await sender.Send(new ListChallengeOffers.Query(new ChallengeId(Id)), cancellationToken);

    public sealed class OfferInput
    {
        public Guid EntryId { get; set; }

        public decimal? Amount { get; set; }

        public string? Message { get; set; }

        public Guid? LicenceVersionId { get; set; }
    }
}
