using Crowdsource.Application.Challenges;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Files;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Challenges;

/// <summary>A file for creatives, for whoever may see the challenge. The name in the URL is only for people.</summary>
public sealed class AssetModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid assetId, CancellationToken cancellationToken) =>
        new StoredFileResult(await sender.Send(new GetChallengeAsset.Query(new ChallengeId(id), assetId), cancellationToken), cacheable: false);
}
