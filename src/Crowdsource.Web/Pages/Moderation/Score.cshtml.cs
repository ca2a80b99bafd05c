using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Judging;
using Crowdsource.Domain.Entries;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Moderation;

/// <summary>A judge scores one entry: a mark from 0 to 10 per published criterion, comments per criterion and overall.</summary>
public sealed class ScoreModel(ISender sender) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ScoreInput Input { get; set; } = new();

    public GetScoringSheet.Sheet Sheet { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await PrepareRedisplayAsync(cancellationToken);
        var card = Sheet.MyScorecard;
        Input = new ScoreInput
        {
            Marks = [.. Sheet.Criteria.Select(criterion => card?.Scores.FirstOrDefault(score => score.Criterion == criterion.Name) is { } score
                ? new MarkInput { Value = score.Value, Comment = score.Comment }
                : new MarkInput())],
            OverallComment = card?.OverallComment,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The criteria come from the challenge, in their published order; the form only carries the marks.
        await PrepareRedisplayAsync(cancellationToken);
        var marks = Sheet.Criteria.Select((criterion, index) => Input.Marks.ElementAtOrDefault(index) is { } mark
            ? new ScoreEntry.Mark(criterion.Name, mark.Value, mark.Comment)
            : new ScoreEntry.Mark(criterion.Name, null, null)).ToList();
        await sender.Send(new ScoreEntry.Command(new EntryId(Id), marks, Input.OverallComment), cancellationToken);
        TempData["StatusMessage"] = UiText.ScoreSaved;
        return RedirectToPage("/Moderation/Judging", new { id = Sheet.ChallengeId.Value });
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken)
    {
        Sheet = await sender.Send(new GetScoringSheet.Query(new EntryId(Id)), cancellationToken);
        while (Input.Marks.Count < Sheet.Criteria.Count)
        {
            Input.Marks.Add(new MarkInput());
        }
    }

    public sealed class ScoreInput
    {
        public List<MarkInput> Marks { get; set; } = [];

        [Display(Name = nameof(UiText.OverallComment), ResourceType = typeof(UiText))]
        public string? OverallComment { get; set; }
    }

    public sealed class MarkInput
    {
        public int? Value { get; set; }

        public string? Comment { get; set; }
    }
}
