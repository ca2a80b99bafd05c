using Crowdsource.Application.Awards;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Entries;

/// <summary>The licence grant of a paid award as a PDF download, for the creative, the brand and staff; anyone else: 404.</summary>
public sealed class GrantModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var grant = await sender.Send(new GetLicenceGrantDocument.Query(new EntryId(id)), cancellationToken);
        Response.Headers.CacheControl = "private, no-store";
        return File(grant.Pdf, "application/pdf", grant.FileName);
    }
}
