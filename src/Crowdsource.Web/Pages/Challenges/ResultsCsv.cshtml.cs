using Crowdsource.Application.Judging;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Challenges;

/// <summary>The results as CSV, for the brand's members and the moderators (never cached by shared caches).</summary>
public sealed class ResultsCsvModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await sender.Send(new GetResultsCsv.Query(new ChallengeId(id)), cancellationToken);
        Response.Headers.CacheControl = "private, no-store";
        return new CsvDownload(document);
    }
}
