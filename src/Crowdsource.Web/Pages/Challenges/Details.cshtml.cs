using Crowdsource.Application.Brands;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Entries;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace Crowdsource.Web.Pages.Challenges;

/// <summary>
/// The challenge as creatives read it before deciding to take part, with the questions on the brief: creatives ask,
/// the brand answers. Signed-in visitors follow the challenge from here.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
[RateLimited(RateLimitGroup.Action)]
public sealed class DetailsModel(ISender sender) : PageModel, IRedisplayable
{
    /// <summary>From the URL only: a form field named Id must not choose which object a post changes.</summary>
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The question being asked, or the answer being written (with the question it answers).</summary>
    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public GetChallenge.Details Details { get; private set; } = null!;

    public IReadOnlyList<ListChallengeQuestions.Row> Questions { get; private set; } = [];

    /// <summary>The viewer's own entries in this challenge (none for its brand's members and for visitors).</summary>
    public IReadOnlyList<ListMyEntriesInChallenge.Row> MyEntries { get; private set; } = [];

    /// <summary>
    /// The brand's fairness record changes when one of its challenges moves on or money moves: a copy kept a few
    /// minutes per instance spares its statements on every visit of the page (the brand's own page reads it fresh).
    /// </summary>
    private static readonly MemoryCache FairnessRecords = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    private static readonly TimeSpan FairnessRecordLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How the brand ran its challenges so far (computed), shown before anyone enters.</summary>
    public BrandFairnessRecord.Record FairnessRecord { get; private set; } = null!;

    private ChallengeId ChallengeId => new(Id);

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAskAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new AskQuestion.Command(ChallengeId, Input.Text), cancellationToken);
        TempData["StatusMessage"] = UiText.QuestionSent;
        return RedirectToQuestions();
    }

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new AnswerQuestion.Command(ChallengeId, Input.QuestionId, Input.Answer, Input.KeepPrivate), cancellationToken);
        TempData["StatusMessage"] = UiText.AnswerPublished;
        return RedirectToQuestions();
    }

    public async Task<IActionResult> OnPostFollowAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new FollowChallenge.Command(ChallengeId), cancellationToken);
        TempData["StatusMessage"] = UiText.FollowingNow;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostUnfollowAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new UnfollowChallenge.Command(ChallengeId), cancellationToken);
        TempData["StatusMessage"] = UiText.NotFollowingAnyMore;
        return RedirectToPage(new { id = Id });
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken)
    {
        Details = await sender.Send(new GetChallenge.Query(ChallengeId), cancellationToken);
        Questions = await sender.Send(new ListChallengeQuestions.Query(ChallengeId), cancellationToken);
        FairnessRecord = (await FairnessRecords.GetOrCreateAsync(Details.Challenge.BrandId, entry =>
        {
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = FairnessRecordLifetime;
            return sender.Send(new BrandFairnessRecord.Query(Details.Challenge.BrandId), cancellationToken).AsTask();
        }))!;
        if (User.Identity?.IsAuthenticated == true && !Details.ViewerIsBrandMember)
        {
            MyEntries = await sender.Send(new ListMyEntriesInChallenge.Query(ChallengeId), cancellationToken);
        }
    }

    private RedirectToPageResult RedirectToQuestions() => RedirectToPage(null, null, new { id = Id }, "questions");

    public sealed class QuestionInput
    {
        public string Text { get; set; } = string.Empty;

        public Guid QuestionId { get; set; }

        public string Answer { get; set; } = string.Empty;

        public bool KeepPrivate { get; set; }
    }
}
