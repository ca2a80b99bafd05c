using Crowdsource.Application.Awards;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Winners;

/// <summary>The public winners gallery across challenges, newest results first.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListWinners.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await sender.Send(new ListWinners.Query(PageNumber), cancellationToken);
}
