using Crowdsource.Application.Accounts;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Showcase;

/// <summary>A creative's public profile.</summary>
public sealed class CreativeModel(ISender sender) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    public GetCreativeProfile.Profile Profile { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Profile = await sender.Send(new GetCreativeProfile.Query(Id), cancellationToken);
}
