using Crowdsource.Application.Administration;
using Crowdsource.Application.Challenges;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Moderation;

/// <summary>The moderation desk: challenges waiting for review (oldest first), live challenges, and the team.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public GetModerationDesk.Desk Desk { get; private set; } = null!;

    public IReadOnlyList<ListStaff.Member> Team { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Desk = await sender.Send(new GetModerationDesk.Query(), cancellationToken);
        Team = await sender.Send(new ListStaff.Query(), cancellationToken);
    }
}
