using Crowdsource.Application.Awards;
using Crowdsource.Application.Challenges;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Crowdsource.Web.Pages;

/// <summary>The home page: ways in for creatives and brands, the challenges open now and the prizes awarded so far.</summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class IndexModel(ISender sender) : PageModel
{
    /// <summary>How many open challenges the home page shows (the soonest deadlines first).</summary>
    public const int LiveCount = 3;

    public IReadOnlyList<ListChallenges.Card> Live { get; private set; } = [];

    public GetPrizesAwarded.Result Prizes { get; private set; } = new([], 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var open = await sender.Send(new ListChallenges.Query(In: ListChallenges.Phase.Open), cancellationToken);
        Live = [.. open.Challenges.Take(LiveCount)];
        Prizes = await sender.Send(new GetPrizesAwarded.Query(), cancellationToken);
    }
}
