using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Moderation;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Moderation;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages;

/// <summary>
/// Someone signed in tells the moderators what is wrong with a challenge (?challenge=id) or an entry (?entry=id) they
/// can see. Whoever cannot see it gets "not found", as on its page.
/// </summary>
[RateLimited(RateLimitGroup.Action)]
[Authorize]
public sealed class ReportModel(ISender sender) : PageModel, IRedisplayable
{
    /// <summary>From the address only: a form field must not choose what is reported.</summary>
    [FromQuery(Name = "challenge")]
    public Guid? ChallengeId { get; set; }

    [FromQuery(Name = "entry")]
    public Guid? EntryId { get; set; }

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    /// <summary>The title of what is reported, and where its page is.</summary>
    public (string Title, string Url) Subject { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ReportContent.Command(ChallengeId is { } challenge ? new ChallengeId(challenge) : null,
            EntryId is { } entry ? new EntryId(entry) : null, Input.Reason, Input.Text), cancellationToken);
        await PrepareRedisplayAsync(cancellationToken);
        TempData["StatusMessage"] = UiText.ReportSent;
        return Redirect(Subject.Url);
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken)
    {
        if (EntryId is { } entryId && ChallengeId is null)
        {
            var details = await sender.Send(new GetEntry.Query(new EntryId(entryId)), cancellationToken);
            Subject = (details.Entry.Title, $"/Entries/{entryId}");
        }
        else if (ChallengeId is { } challengeId && EntryId is null)
        {
            var details = await sender.Send(new GetChallenge.Query(new ChallengeId(challengeId)), cancellationToken);
            Subject = (details.Challenge.Title, $"/Challenges/{challengeId}");
        }
        else
        {
            throw new Application.Common.Exceptions.NotFoundException();
        }
    }

    public sealed class ReportInput
    {
        [Display(Name = nameof(UiText.ReportReasonLabel), ResourceType = typeof(UiText))]
        public ReportReason? Reason { get; set; }

        [Display(Name = nameof(UiText.ReportTextLabel), ResourceType = typeof(UiText))]
        public string Text { get; set; } = string.Empty;
    }
}
