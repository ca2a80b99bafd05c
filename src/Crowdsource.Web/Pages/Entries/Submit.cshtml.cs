using Crowdsource.Application.Challenges;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Files;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Files;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Pages.Entries;

/// <summary>
/// The entry form: the licence summary and full text first, then the work and the two explicit ticks. The licence
/// version shown travels with the form, so the server records consent to exactly what the creative read.
/// </summary>
[RateLimited(RateLimitGroup.Action)]
[RequestSizeLimit(MaximumRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaximumRequestBytes)]
public sealed class SubmitModel(ISender sender, IOptions<FileLimits> limits) : PageModel, IRedisplayable
{
    /// <summary>Room for the configured files per entry at the configured size, so the store, not the server, says what is too big.</summary>
    private const long MaximumRequestBytes = 512L * 1024 * 1024;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public EntryInput Input { get; set; } = new();

    public GetChallenge.Details Target { get; private set; } = null!;

    public FileLimits Limits => limits.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await PrepareRedisplayAsync(cancellationToken);
        Input = new EntryInput { SubmissionKey = Guid.NewGuid(), LicenceVersionId = Target.Licence?.Id ?? Guid.Empty };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var files = await sender.FilesSentAsync(Input.Files, Input.Uploads, nameof(Input.Files), cancellationToken);
        var entry = await sender.Send(new SubmitEntry.Command(new ChallengeId(Id), Input.SubmissionKey, Input.Title, Input.Description,
            files, Input.LicenceVersionId, Input.AcceptLicence, Input.DeclareOriginal),
            cancellationToken);
        TempData["StatusMessage"] = UiText.EntrySubmitted;
        return RedirectToPage("/Entries/Details", new { id = entry.Value });
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Target = await sender.Send(new GetChallenge.Query(new ChallengeId(Id)), cancellationToken);

    public sealed class EntryInput
    {
        /// <summary>Made when the form is shown: the same form posted twice is one entry.</summary>
        public Guid SubmissionKey { get; set; }

        public Guid LicenceVersionId { get; set; }

        public string Title { get; set; } = string.Empty;

        public string? Description { get; set; }

        public List<IFormFile> Files { get; set; } = [];

        /// <summary>Files the site's script sent ahead in chunks (resumable uploads).</summary>
        public List<Guid> Uploads { get; set; } = [];

        public bool AcceptLicence { get; set; }

        public bool DeclareOriginal { get; set; }
    }
}
