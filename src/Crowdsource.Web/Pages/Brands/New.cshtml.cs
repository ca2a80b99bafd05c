using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Brands;
using Crowdsource.Web.Files;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Brands;

[RateLimited(RateLimitGroup.Action)]
public sealed class NewModel(ISender sender, SignInManager<Application.Accounts.CrowdsourceUser> signIn) : PageModel
{
    [BindProperty]
    public BrandInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var brand = await sender.Send(new CreateBrand.Command(Input.Name, Input.Slug, Input.Description, Input.Website, Input.Logo.ToUpload()), cancellationToken);

        // The person now holds the BrandMember role: a fresh cookie shows the brand menu at once.
        await signIn.RefreshCookieAsync(User);
        TempData["StatusMessage"] = UiText.BrandCreated;
        return RedirectToPage("/Brands/Workspace", new { id = brand.Value });
    }
}

/// <summary>The brand profile form, shared by creating and editing a brand.</summary>
public sealed class BrandInput
{
    [Display(Name = nameof(UiText.BrandName), ResourceType = typeof(UiText))]
    public string Name { get; set; } = string.Empty;

    [Display(Name = nameof(UiText.BrandSlug), ResourceType = typeof(UiText))]
    public string Slug { get; set; } = string.Empty;

    [Display(Name = nameof(UiText.BrandDescription), ResourceType = typeof(UiText))]
    public string Description { get; set; } = string.Empty;

    [Display(Name = nameof(UiText.BrandWebsite), ResourceType = typeof(UiText))]
    public string Website { get; set; } = string.Empty;

    [Display(Name = nameof(UiText.BrandLogo), ResourceType = typeof(UiText))]
    public IFormFile? Logo { get; set; }

    public bool RemoveLogo { get; set; }

    /// <summary>Shown next to the file input when editing a brand that has a logo; never read from the form.</summary>
    [BindNever]
    public string? CurrentLogoUrl { get; set; }
}
