using Crowdsource.Application.Brands;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Crowdsource.Web.Pages.Showcase;

/// <summary>A brand's public page: its fairness record, read fresh, and the challenges the visitor may see.</summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class BrandModel(ISender sender) : PageModel
{
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public GetPublicBrand.Profile Brand { get; private set; } = null!;

    public Pager Pager => new(Brand.Challenges.Page, Brand.Challenges.PageCount, Brand.Challenges.HasNext,
        page => new Dictionary<string, string> { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public BrandFairnessRecord.Record FairnessRecord { get; private set; } = null!;

    public async Task OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Brand = await sender.Send(new GetPublicBrand.Query(slug, PageNumber), cancellationToken);
        FairnessRecord = await sender.Send(new BrandFairnessRecord.Query(Brand.Id), cancellationToken);
    }
}
