using Crowdsource.Application.Entries;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Entries;

/// <summary>The entry's licence receipt as a PDF download, for its author, the brand and the moderators.</summary>
public sealed class ReceiptModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var receipt = await sender.Send(new GetLicenceReceipt.Query(new EntryId(id)), cancellationToken);
        Response.Headers.CacheControl = "private, no-store";
        return File(receipt.Pdf, "application/pdf", receipt.FileName);
    }
}
