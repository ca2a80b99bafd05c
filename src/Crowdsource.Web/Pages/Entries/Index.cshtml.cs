using Crowdsource.Application.Entries;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Entries;

/// <summary>The creative's entries, with their status.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ListMyEntries.Row> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await sender.Send(new ListMyEntries.Query(), cancellationToken);
}
