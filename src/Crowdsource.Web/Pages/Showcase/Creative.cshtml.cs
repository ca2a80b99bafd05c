using Crowdsource.Application.Accounts;
using Crowdsource.Application.Awards;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Crowdsource.Web.Pages.Showcase;

/// <summary>A creative's public profile and portfolio (entries published after results, prize winners).</summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class CreativeModel(ISender sender) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    public GetCreativeProfile.Profile Profile { get; private set; } = null!;

    public IReadOnlyList<ShowcaseEntry> Portfolio { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Profile = await sender.Send(new GetCreativeProfile.Query(Id), cancellationToken);
        Portfolio = await sender.Send(new ListPortfolio.Query(Id), cancellationToken);
    }
}
