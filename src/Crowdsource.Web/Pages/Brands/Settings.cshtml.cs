using Crowdsource.Application.Brands;
using Crowdsource.Domain.Brands;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Brands;

/// <summary>An Owner edits the brand's public profile.</summary>
public sealed class SettingsModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public BrandInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var workspace = await sender.Send(new GetBrandWorkspace.Query(new BrandId(Id)), cancellationToken);
        Input = new BrandInput { Name = workspace.Name, Slug = workspace.Slug, Description = workspace.Description, Website = workspace.Website ?? string.Empty };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new UpdateBrand.Command(new BrandId(Id), Input.Name, Input.Slug, Input.Description, Input.Website), cancellationToken);
        TempData["StatusMessage"] = UiText.BrandSaved;
        return RedirectToPage("/Brands/Workspace", new { id = Id });
    }
}
