using Crowdsource.Application.Brands;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Showcase;

/// <summary>A brand's public page and the challenges the visitor may see.</summary>
public sealed class BrandModel(ISender sender) : PageModel
{
    public GetPublicBrand.Profile Brand { get; private set; } = null!;

    public async Task OnGetAsync(string slug, CancellationToken cancellationToken) =>
        Brand = await sender.Send(new GetPublicBrand.Query(slug), cancellationToken);
}
