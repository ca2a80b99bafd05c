using Crowdsource.Application.Administration;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Moderation;

/// <summary>The moderation desk: who is on the team. Review queues join it as challenges and entries arrive.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ListStaff.Member> Team { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Team = await sender.Send(new ListStaff.Query(), cancellationToken);
}
