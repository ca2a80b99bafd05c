using Crowdsource.Application.Judging;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Crowdsource.Web.Pages.Challenges;

/// <summary>A challenge's public results: the winners per prize tier, once announced.</summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class ResultsModel(ISender sender) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public GetResults.Results Results { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await sender.Send(new GetResults.Query(new ChallengeId(Id)), cancellationToken);
}
