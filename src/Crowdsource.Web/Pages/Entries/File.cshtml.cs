using Crowdsource.Application.Entries;
using Crowdsource.Domain.Entries;
using Crowdsource.Web.Files;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Entries;

/// <summary>A file of an entry, for those who may see the entry (never cached by shared caches).</summary>
public sealed class FileModel(ISender sender) : PageModel
{
    // preview: true for the small preview of an image (galleries), when there is one.
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, bool preview, CancellationToken cancellationToken) =>
        new StoredFileResult(await sender.Send(new GetEntryFile.Query(new EntryId(id), fileId, preview), cancellationToken), cacheable: false);
}
