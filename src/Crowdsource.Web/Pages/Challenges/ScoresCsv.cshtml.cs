using Crowdsource.Application.Judging;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Challenges;

/// <summary>Every judge's marks and comments as CSV, for the brand's members and the moderators (never cached by shared caches).</summary>
public sealed class ScoresCsvModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await sender.Send(new GetScoresCsv.Query(new ChallengeId(id)), cancellationToken);
        Response.Headers.CacheControl = "private, no-store";
        return new CsvDownload(document);
    }
}
