using Crowdsource.Application.Entries;
using Crowdsource.Application.Files;
using Crowdsource.Domain.Entries;
using Crowdsource.Web.Files;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Pages.Entries;

/// <summary>The author changes the entry's text and, optionally, replaces its files, before the deadline.</summary>
[RateLimited(RateLimitGroup.Action)]
[RequestSizeLimit(MaximumRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaximumRequestBytes)]
public sealed class EditModel(ISender sender, IOptions<FileLimits> limits) : PageModel, IRedisplayable
{
    private const long MaximumRequestBytes = 512L * 1024 * 1024;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public GetEntry.Details Details { get; private set; } = null!;

    public FileLimits Limits => limits.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await PrepareRedisplayAsync(cancellationToken);
        if (!Details.ViewerIsAuthor)
        {
            return NotFound(); // the brand and moderators read entries; only the author changes them
        }

        var entry = Details.Entry;
        Input = new EditInput { Version = entry.Version, Title = entry.Title, Description = entry.Description, LicenceVersionId = Details.ChallengeLicence.Id };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var files = await sender.FilesSentAsync(Input.Files, Input.Uploads, nameof(Input.Files), cancellationToken);
        await sender.Send(new EditEntry.Command(new EntryId(Id), Input.Version, Input.Title, Input.Description,
            files, Input.LicenceVersionId, Input.AcceptLicence, Input.DeclareOriginal),
            cancellationToken);
        TempData["StatusMessage"] = UiText.EntrySaved;
        return RedirectToPage("/Entries/Details", new { id = Id });
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Details = await sender.Send(new GetEntry.Query(new EntryId(Id)), cancellationToken);

    public sealed class EditInput
    {
        public uint Version { get; set; }

        public string Title { get; set; } = string.Empty;

        public string? Description { get; set; }

        public List<IFormFile> Files { get; set; } = [];

        /// <summary>Files the site's script sent ahead in chunks (resumable uploads).</summary>
        public List<Guid> Uploads { get; set; } = [];

        public Guid LicenceVersionId { get; set; }

        public bool AcceptLicence { get; set; }

        public bool DeclareOriginal { get; set; }
    }
}
