using Crowdsource.Application.Awards;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Offers;
using Crowdsource.Domain.Entries;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Entries;

/// <summary>An entry with its files and its licence acceptance record; its author withdraws it from here.</summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class DetailsModel(ISender sender) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid Id { get; set; }

    public GetEntry.Details Details { get; private set; } = null!;

    public GetEntryAward.Status Award { get; private set; } = null!;

    /// <summary>The offers brands made on this entry, for its author only (empty for anyone else).</summary>
    public IReadOnlyList<ListMyOffers.Offer> Offers { get; private set; } = [];

    /// <summary>The author ticked that they accept the offer's licence (the version shown).</summary>
    [BindProperty]
    public OfferAnswerInput OfferAnswer { get; set; } = new();

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    [Irreversible]
    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new WithdrawEntry.Command(new EntryId(Id)), cancellationToken);
        TempData["StatusMessage"] = UiText.EntryWithdrawn;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostPortfolioAsync(bool show, CancellationToken cancellationToken)
    {
        await sender.Send(new ShowEntryOnPortfolio.Command(new EntryId(Id), show), cancellationToken);
        TempData["StatusMessage"] = show ? UiText.EntryPublished : UiText.EntryUnpublished;
        return RedirectToPage(new { id = Id });
    }

    [Irreversible]
    public async Task<IActionResult> OnPostAcceptOfferAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new AcceptOffer.Command(OfferAnswer.OfferId, OfferAnswer.LicenceVersionId, OfferAnswer.AcceptLicence), cancellationToken);
        TempData["StatusMessage"] = UiText.OfferAcceptedStatus;
        return RedirectToPage(null, null, new { id = Id }, "offers");
    }

    [Irreversible]
    public async Task<IActionResult> OnPostDeclineOfferAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new DeclineOffer.Command(OfferAnswer.OfferId), cancellationToken);
        TempData["StatusMessage"] = UiText.OfferDeclinedStatus;
        return RedirectToPage(null, null, new { id = Id }, "offers");
    }

    public async Task<IActionResult> OnPostAcceptsOffersAsync(bool accepts, CancellationToken cancellationToken)
    {
        await sender.Send(new SetEntryAcceptsOffers.Command(new EntryId(Id), accepts), cancellationToken);
        TempData["StatusMessage"] = accepts ? UiText.OffersTurnedOn : UiText.OffersTurnedOff;
        return RedirectToPage(null, null, new { id = Id }, "offers");
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken)
    {
        Details = await sender.Send(new GetEntry.Query(new EntryId(Id)), cancellationToken);
        Award = await sender.Send(new GetEntryAward.Query(new EntryId(Id)), cancellationToken);
        if (Details.ViewerIsAuthor)
        {
            Offers = await sender.Send(new ListMyOffers.Query(new EntryId(Id)), cancellationToken);
        }
    }

    public sealed class OfferAnswerInput
    {
        public Guid OfferId { get; set; }

        public Guid LicenceVersionId { get; set; }

        public bool AcceptLicence { get; set; }
    }
}
