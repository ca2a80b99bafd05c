using Crowdsource.Application.Brands;
using Crowdsource.Web.Files;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Showcase;

/// <summary>A brand's logo image, public like its page.</summary>
public sealed class LogoModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        new StoredFileResult(await sender.Send(new GetBrandLogo.Query(slug), cancellationToken), cacheable: true);
}
