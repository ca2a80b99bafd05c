using Crowdsource.Application.Privacy;
using Crowdsource.Web.Files;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account.Manage;

/// <summary>The person's data: a download of everything the platform holds about them.</summary>
public sealed class DataModel(ISender sender) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        new PersonalDataArchiveResult(await sender.Send(new ExportMyData.Query(), cancellationToken));
}
