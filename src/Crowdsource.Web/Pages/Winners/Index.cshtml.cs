using Crowdsource.Application.Awards;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Crowdsource.Web.Pages.Winners;

/// <summary>The public winners gallery across challenges, newest results first.</summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class IndexModel(ISender sender) : PageModel
{
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListWinners.Result Result { get; private set; } = null!;

    public Pager Pager => new(Result.Page, null, Result.HasMore,
        page => new Dictionary<string, string> { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await sender.Send(new ListWinners.Query(PageNumber), cancellationToken);
}
