using Crowdsource.Application.Challenges;
using Crowdsource.Application.Files;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Files;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Pages.Challenges;

/// <summary>The brand adds and removes the files creatives can download with the brief (images and PDFs), and sets the cover image.</summary>
[RateLimited(RateLimitGroup.Action)]
[RequestSizeLimit(MaximumRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaximumRequestBytes)]
public sealed class FilesModel(ISender sender, IOptions<FileLimits> limits) : PageModel, IRedisplayable
{
    /// <summary>Above the configured file limit, so a file slightly too large gets the store's clear message.</summary>
    private const long MaximumRequestBytes = 64L * 1024 * 1024;

    /// <summary>From the URL only: a form field named Id must not choose which object a post changes.</summary>
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public FileInput Input { get; set; } = new();

    public GetChallengeForEditing.Form Form { get; private set; } = null!;

    public FilePolicy Policy => limits.Value.BrandAsset;

    public FilePolicy CoverPolicy => limits.Value.Cover;

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var files = await sender.FilesSentAsync([Input.File], Input.Uploads, nameof(Input.File), cancellationToken);
        await sender.Send(new AddChallengeAsset.Command(new ChallengeId(Id), files.FirstOrDefault()), cancellationToken);
        TempData["StatusMessage"] = UiText.FileAdded;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostCoverAsync(CancellationToken cancellationToken)
    {
        var files = await sender.FilesSentAsync([Input.Cover], Input.CoverUploads, nameof(Input.Cover), cancellationToken);
        await sender.Send(new SetChallengeCover.Command(new ChallengeId(Id), files.FirstOrDefault()), cancellationToken);
        TempData["StatusMessage"] = UiText.CoverSaved;
        return RedirectToPage(new { id = Id });
    }

    [Irreversible]
    public async Task<IActionResult> OnPostRemoveAsync(Guid assetId, CancellationToken cancellationToken)
    {
        await sender.Send(new RemoveChallengeAsset.Command(new ChallengeId(Id), assetId), cancellationToken);
        TempData["StatusMessage"] = UiText.FileRemoved;
        return RedirectToPage(new { id = Id });
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Form = await sender.Send(new GetChallengeForEditing.Query(new ChallengeId(Id)), cancellationToken);

    public sealed class FileInput
    {
        public IFormFile? File { get; set; }

        /// <summary>The file, when the site's script sent it ahead in chunks (a resumable upload).</summary>
        public List<Guid> Uploads { get; set; } = [];

        /// <summary>A new cover image for the challenge.</summary>
        public IFormFile? Cover { get; set; }

        /// <summary>The cover, when the site's script sent it ahead in chunks.</summary>
        public List<Guid> CoverUploads { get; set; } = [];
    }
}
