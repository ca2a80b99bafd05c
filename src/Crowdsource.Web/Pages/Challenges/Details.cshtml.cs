using Crowdsource.Application.Challenges;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Challenges;

/// <summary>The challenge as creatives read it before deciding to take part.</summary>
public sealed class DetailsModel(ISender sender) : PageModel
{
    public GetChallenge.Details Details { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Details = await sender.Send(new GetChallenge.Query(new ChallengeId(id)), cancellationToken);
}
