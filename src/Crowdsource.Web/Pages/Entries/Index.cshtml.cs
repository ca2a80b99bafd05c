using Crowdsource.Application.Entries;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Entries;

/// <summary>The creative's entries, with their status, newest first, a page at a time.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListMyEntries.Result Result { get; private set; } = new([], 1, false);

    public IReadOnlyList<ListMyEntries.Row> Entries => Result.Rows;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await sender.Send(new ListMyEntries.Query(PageNumber), cancellationToken);
}
