using Crowdsource.Application.Entries;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Brands;

/// <summary>
/// The brand's feedback while its challenge is open: each approved entry with the brand's latest rating, and a form to
/// rate it (1 to 5 stars) with a private comment to its author.
/// </summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class FeedbackModel(ISender sender) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public RatingInput Input { get; set; } = new();

    public ListEntriesForFeedback.Board Board { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostRateAsync(CancellationToken cancellationToken)
    {
        // The entry's own challenge decides who may rate it (the handler checks); the route only says where to come back.
        await sender.Send(new RateEntry.Command(new EntryId(Input.EntryId), Input.Stars ?? 0, Input.Comment), cancellationToken);
        TempData["StatusMessage"] = UiText.RatingSaved;
        return RedirectToPage(null, null, new { id = Id }, $"entry-{Input.EntryId}");
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Board = await sender.Send(new ListEntriesForFeedback.Query(new ChallengeId(Id)), cancellationToken);

    public sealed class RatingInput
    {
        public Guid EntryId { get; set; }

        public int? Stars { get; set; }

        public string? Comment { get; set; }
    }
}
