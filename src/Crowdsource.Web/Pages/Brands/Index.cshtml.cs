using Crowdsource.Application.Brands;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Brands;

/// <summary>The brands the signed-in person belongs to, and the way to create one.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ListMyBrands.Item> Brands { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Brands = await sender.Send(new ListMyBrands.Query(), cancellationToken);
}
