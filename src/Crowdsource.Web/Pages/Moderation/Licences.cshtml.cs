using Crowdsource.Application.Licensing;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Moderation;

/// <summary>The licence templates and every published version, with how many challenges use each.</summary>
public sealed class LicencesModel(ISender sender) : PageModel
{
    public IReadOnlyList<ListLicenceTemplates.Version> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Versions = await sender.Send(new ListLicenceTemplates.Query(), cancellationToken);
}
