using Crowdsource.Application.Accounts;
using Crowdsource.Web.Files;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Showcase;

/// <summary>A person's profile picture, public like the profile.</summary>
public sealed class AvatarModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        new StoredFileResult(await sender.Send(new GetAvatar.Query(id), cancellationToken), cacheable: true);
}
