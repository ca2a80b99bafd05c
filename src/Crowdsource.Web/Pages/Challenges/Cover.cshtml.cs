using Crowdsource.Application.Challenges;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Files;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Challenges;

/// <summary>
/// A challenge's cover image, for whoever may see the challenge; <c>?size=card</c> gives the small copy made for cards.
/// Not cached by shared caches: an invite-only challenge's cover is not public.
/// </summary>
public sealed class CoverModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? size, CancellationToken cancellationToken) =>
        new StoredFileResult(await sender.Send(new GetChallengeCover.Query(new ChallengeId(id), Small: size == "card"), cancellationToken), cacheable: false);
}
