using Crowdsource.Application.Licensing;
using Crowdsource.Domain.Licensing;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Moderation;

/// <summary>Publishes a licence text: the next version of a template (prefilled from its latest) or a new template.</summary>
public sealed class PublishLicenceModel(ISender sender) : PageModel
{
    [BindProperty]
    public LicenceInput Input { get; set; } = new();

    /// <summary>The template whose next version this is, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (From is { Length: > 0 } key)
        {
            var latest = await sender.Send(new GetLatestLicenceVersion.Query(key), cancellationToken);
            Input = new LicenceInput
            {
                TemplateKey = latest.TemplateKey, Scope = latest.Scope, TitleEn = latest.TitleEn, TitleFr = latest.TitleFr,
                SummaryEn = latest.SummaryEn, SummaryFr = latest.SummaryFr, FullTextEn = latest.FullTextEn, FullTextFr = latest.FullTextFr,
                Media = latest.Media, Territory = latest.Territory, Duration = latest.Duration,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new PublishLicenceVersion.Command(Input.TemplateKey, Input.Scope, Input.TitleEn, Input.TitleFr, Input.SummaryEn, Input.SummaryFr,
            Input.FullTextEn, Input.FullTextFr, Input.Media, Input.Territory, Input.Duration), cancellationToken);
        TempData["StatusMessage"] = UiText.LicencePublished;
        return RedirectToPage("/Moderation/Licences");
    }

    public sealed class LicenceInput
    {
        public string TemplateKey { get; set; } = string.Empty;

        public LicenceScope Scope { get; set; }

        public string TitleEn { get; set; } = string.Empty;

        public string TitleFr { get; set; } = string.Empty;

        public string SummaryEn { get; set; } = string.Empty;

        public string SummaryFr { get; set; } = string.Empty;

        public string FullTextEn { get; set; } = string.Empty;

        public string FullTextFr { get; set; } = string.Empty;

        public string Media { get; set; } = string.Empty;

        public string Territory { get; set; } = string.Empty;

        public string Duration { get; set; } = string.Empty;
    }
}
