using Crowdsource.Application.Brands;
using Crowdsource.Domain.Brands;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Admin;

/// <summary>Admins mark brands verified (or take the mark away).</summary>
public sealed class BrandsModel(ISender sender) : PageModel, IRedisplayable
{
    public IReadOnlyList<ListAllBrands.Row> Brands { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Brands = await sender.Send(new ListAllBrands.Query(), cancellationToken);

    public async Task<IActionResult> OnPostVerifyAsync(Guid brandId, bool verified, CancellationToken cancellationToken)
    {
        await sender.Send(new VerifyBrand.Command(new BrandId(brandId), verified), cancellationToken);
        TempData["StatusMessage"] = verified ? UiText.BrandVerifiedMessage : UiText.BrandUnverifiedMessage;
        return RedirectToPage();
    }
}
