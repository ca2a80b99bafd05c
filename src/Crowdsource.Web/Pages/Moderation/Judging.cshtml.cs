using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Judging;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Moderation;

/// <summary>The judging board of a challenge: the panel, the ranking, the shortlist, and the brand's choice to confirm.</summary>
public sealed class JudgingModel(ISender sender) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The page of the ranking shown (kept across a shortlist change).</summary>
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public PanelInput Input { get; set; } = new();

    public GetJudgingBoard.Board Board { get; private set; } = null!;

    private ChallengeId ChallengeId => new(Id);

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostJoinAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new AssignJudge.Command(ChallengeId), cancellationToken);
        return Done(UiText.JoinedPanel);
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new AssignJudge.Command(ChallengeId, Input.JudgeEmail ?? string.Empty), cancellationToken);
        return Done(UiText.JudgeAdded);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? judgeUserId, CancellationToken cancellationToken)
    {
        await sender.Send(new RemoveJudge.Command(ChallengeId, judgeUserId), cancellationToken);
        return Done(UiText.JudgeRemoved);
    }

    public async Task<IActionResult> OnPostBlindAsync(bool blind, CancellationToken cancellationToken)
    {
        await sender.Send(new SetBlindJudging.Command(ChallengeId, blind), cancellationToken);
        return Done(blind ? UiText.BlindJudgingOn : UiText.BlindJudgingOff);
    }

    public async Task<IActionResult> OnPostShortlistAsync(Guid entryId, bool shortlisted, CancellationToken cancellationToken)
    {
        await sender.Send(new SetShortlisted.Command(new EntryId(entryId), shortlisted), cancellationToken);
        return Done(shortlisted ? UiText.AddedToShortlist : UiText.RemovedFromShortlist);
    }

    [Irreversible]
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ConfirmWinners.Command(ChallengeId), cancellationToken);
        TempData["StatusMessage"] = UiText.WinnersConfirmed;
        return RedirectToPage("/Challenges/Results", new { id = Id });
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Board = await sender.Send(new GetJudgingBoard.Query(ChallengeId, PageNumber), cancellationToken);

    private RedirectToPageResult Done(string message)
    {
        TempData["StatusMessage"] = message;
        return PageNumber > 1 ? RedirectToPage(new { id = Id, p = PageNumber }) : RedirectToPage(new { id = Id });
    }

    public sealed class PanelInput
    {
        [Display(Name = nameof(UiText.ModeratorEmail), ResourceType = typeof(UiText))]
        public string? JudgeEmail { get; set; }
    }
}
