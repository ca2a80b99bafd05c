using Crowdsource.Application.Judging;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Brands;

/// <summary>The brand chooses its winners from the approved entries, seeing the panel's ranking and comments.</summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class WinnersModel(ISender sender) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ChoiceInput Input { get; set; } = new();

    public GetWinnerChoice.Choice Choice { get; private set; } = null!;

    private ChallengeId ChallengeId => new(Id);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await PrepareRedisplayAsync(cancellationToken);
        Input = new ChoiceInput
        {
            Picks = [.. Enumerable.Range(1, Choice.TiersToFill)
                .Select(rank => Choice.Selection.FirstOrDefault(pick => pick.Rank == rank)?.EntryId.Value)],
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new SelectWinners.Command(ChallengeId,
            [.. Input.Picks.Select((entryId, index) => new SelectWinners.Pick(index + 1, entryId is { } id ? new EntryId(id) : null))]), cancellationToken);
        TempData["StatusMessage"] = UiText.WinnersSelected;
        return RedirectToPage(new { id = Id });
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken)
    {
        Choice = await sender.Send(new GetWinnerChoice.Query(ChallengeId), cancellationToken);
        while (Input.Picks.Count < Choice.TiersToFill)
        {
            Input.Picks.Add(null);
        }
    }

    public sealed class ChoiceInput
    {
        /// <summary>The entry chosen for each tier, first prize first.</summary>
        public List<Guid?> Picks { get; set; } = [];
    }
}
