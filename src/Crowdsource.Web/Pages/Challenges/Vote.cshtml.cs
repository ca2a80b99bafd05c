using Crowdsource.Application.Judging;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Challenges;

/// <summary>
/// A challenge's public vote: the approved entries with a vote button each while the vote is open, the results once
/// it closes. Anyone who may see the challenge may look; voting needs a signed-in account (the server decides).
/// </summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class VoteModel(ISender sender) : PageModel, IRedisplayable
{
    /// <summary>From the URL only: a form field named Id must not choose which object a post changes.</summary>
    [FromRoute]
    public Guid Id { get; set; }

    public GetPublicVote.Ballot Ballot { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    /// <summary>The entry chosen; the handler checks it is an approved entry of this challenge.</summary>
    public async Task<IActionResult> OnPostAsync(Guid entryId, CancellationToken cancellationToken)
    {
        await sender.Send(new CastVote.Command(new ChallengeId(Id), new EntryId(entryId)), cancellationToken);
        TempData["StatusMessage"] = UiText.VoteRecorded;
        return RedirectToPage(new { id = Id });
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Ballot = await sender.Send(new GetPublicVote.Query(new ChallengeId(Id)), cancellationToken);
}
