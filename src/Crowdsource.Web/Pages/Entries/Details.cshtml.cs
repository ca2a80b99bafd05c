using Crowdsource.Application.Awards;
using Crowdsource.Application.Entries;
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

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken)
    {
        Details = await sender.Send(new GetEntry.Query(new EntryId(Id)), cancellationToken);
        Award = await sender.Send(new GetEntryAward.Query(new EntryId(Id)), cancellationToken);
    }
}
