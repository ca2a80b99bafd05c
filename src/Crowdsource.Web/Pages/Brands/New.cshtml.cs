using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Brands;
using Crowdsource.Application.Files.Uploads;
using Crowdsource.Domain.Common;
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
public sealed class NewModel(ISender sender, SignInManager<Application.Accounts.CrowdsourceUser> signIn) : PageModel, IRedisplayable
{
    [BindProperty]
    public BrandInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    /// <summary>The slug the server would suggest for a name, for the form's script: the one rule is <see cref="Slug.From"/>.</summary>
    public IActionResult OnGetSlug(string? name) =>
        Content(System.Text.Json.JsonSerializer.Serialize(new { slug = Slug.From(name ?? string.Empty) }), "application/json");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Left blank, the slug is suggested from the name (and shown in the field if the form comes back).
        if (string.IsNullOrWhiteSpace(Input.Slug))
        {
            Input.Slug = Slug.From(Input.Name ?? string.Empty);
        }

        // The logo the site's script sent ahead, when the form names it: it survives a form shown again with errors.
        var logo = Input.Logo.ToUpload()
            ?? (Input.LogoUpload is { } uploadId ? (await sender.Send(new OpenUploads.Query([uploadId], "Logo"), cancellationToken))[0] : null);
        var brand = await sender.Send(new CreateBrand.Command(Input.Name ?? string.Empty, Input.Slug, Input.Description, Input.Website, logo), cancellationToken);

        // The person now holds the BrandMember role: a fresh cookie shows the brand menu at once.
        await signIn.RefreshCookieAsync(User);
        TempData["StatusMessage"] = UiText.BrandCreated;
        return RedirectToPage("/Brands/Workspace", new { id = brand.Value });
    }

    /// <summary>After an error, the logo sent ahead is named next to the file field, and kept in a hidden field.</summary>
    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken)
    {
        if (ModelState.TryGetValue("Input.Logo", out var logoState) && logoState.Errors.Count > 0)
        {
            Input.LogoUpload = null; // the logo itself was refused: nothing to keep
            return;
        }

        if (Input.LogoUpload is null && Input.Logo is { Length: > 0 } posted)
        {
            Input.LogoUpload = await KeepAsync(posted, cancellationToken); // without script the file came with the form
        }

        if (Input.LogoUpload is not { } uploadId)
        {
            return;
        }

        try
        {
            Input.KeptLogoName = (await sender.Send(new OpenUploads.Query([uploadId], "Logo"), cancellationToken))[0].FileName;
        }
        catch (Application.Common.Exceptions.ValidationException)
        {
            Input.LogoUpload = null; // gone or not this person's: nothing is kept, and the field asks for the file again
        }
    }

    /// <summary>Stores a logo posted with the form as one of the person's uploads, as the script would have; null if refused.</summary>
    private async Task<Guid?> KeepAsync(IFormFile file, CancellationToken cancellationToken)
    {
        try
        {
            var upload = await sender.Send(new StartUpload.Command(file.FileName, file.Length), cancellationToken);
            await using var stream = file.OpenReadStream();
            var buffer = new byte[upload.ChunkBytes];
            long offset = 0;
            int read;
            while ((read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
            {
                await sender.Send(new AppendToUpload.Command(upload.Id, offset, buffer.AsMemory(0, read)), cancellationToken);
                offset += read;
            }

            return upload.Id;
        }
        catch (Application.Common.Exceptions.ValidationException)
        {
            return null; // too big, a bad name, too many unfinished uploads: the message on the field asks for the file again
        }
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

    /// <summary>A logo the site's script uploaded ahead (its upload id), kept when the form comes back with errors.</summary>
    public Guid? LogoUpload { get; set; }

    /// <summary>The name of the kept logo, shown to the person; never read from the form.</summary>
    [BindNever]
    public string? KeptLogoName { get; set; }

    /// <summary>Shown next to the file input when editing a brand that has a logo; never read from the form.</summary>
    [BindNever]
    public string? CurrentLogoUrl { get; set; }
}
