using Crowdsource.Application.Brands;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Brands;
using Crowdsource.Web.Files;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Brands;

/// <summary>An Owner edits the brand's public profile.</summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class SettingsModel(ISender sender) : PageModel, IRedisplayable
{
    /// <summary>From the URL only: a form field named Id must not choose which object a post changes.</summary>
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public BrandInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var workspace = await LoadAsync(cancellationToken);
        if (workspace.MyRole != BrandRole.Owner)
        {
            throw new ForbiddenException(); // UpdateBrand refuses anyone but an Owner: do not show an Editor a form they cannot send.
        }

        Input = new BrandInput
        {
            Name = workspace.Name,
            Slug = workspace.Slug,
            Description = workspace.Description,
            Website = workspace.Website ?? string.Empty,
            CurrentLogoUrl = LogoUrl(workspace),
        };
    }

    /// <summary>After an error the typed fields stay as typed; the current logo is shown again.</summary>
    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Input.CurrentLogoUrl = LogoUrl(await LoadAsync(cancellationToken));

    private Task<GetBrandWorkspace.Workspace> LoadAsync(CancellationToken cancellationToken) =>
        sender.Send(new GetBrandWorkspace.Query(new BrandId(Id)), cancellationToken).AsTask();

    private static string? LogoUrl(GetBrandWorkspace.Workspace workspace) =>
        workspace.LogoFileId is { } logo ? $"/b/{workspace.Slug}/logo?v={logo}" : null;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new UpdateBrand.Command(new BrandId(Id), Input.Name, Input.Slug, Input.Description, Input.Website, Input.Logo.ToUpload(), Input.RemoveLogo),
            cancellationToken);
        TempData["StatusMessage"] = UiText.BrandSaved;
        return RedirectToPage("/Brands/Workspace", new { id = Id });
    }
}
