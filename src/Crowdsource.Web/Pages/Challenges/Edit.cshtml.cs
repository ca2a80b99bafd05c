using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Challenges;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Challenges;

/// <summary>
/// The brand's challenge form: everything on one page in sections, a checklist of what is missing before review
/// (each item links to its section), and the buttons that move the draft along.
/// </summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class EditModel(ISender sender, ViewerTime time) : PageModel, IRedisplayable
{
    public const int PrizeRows = 5;
    public const int CriterionRows = 6;

    /// <summary>From the URL only: a form field named Id must not choose which object a post changes.</summary>
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ChallengeInput Input { get; set; } = new();

    public GetChallengeForEditing.Form Form { get; private set; } = null!;

    public IReadOnlyList<ListLicenceVersions.Choice> Licences { get; private set; } = [];

    public ViewerTime Time => time;

    private ChallengeId ChallengeId => new(Id);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await PrepareRedisplayAsync(cancellationToken);
        Input = ChallengeInput.From(Form.Challenge, time);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        await SaveAsync(cancellationToken);
        TempData["StatusMessage"] = UiText.ChallengeSaved;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        await SaveAsync(cancellationToken);
        await sender.Send(new SubmitChallengeForReview.Command(ChallengeId), cancellationToken);
        TempData["StatusMessage"] = UiText.ChallengeSentForReview;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new WithdrawChallengeFromReview.Command(ChallengeId), cancellationToken);
        TempData["StatusMessage"] = UiText.ChallengeWithdrawn;
        return RedirectToPage(new { id = Id });
    }

    /// <summary>A brand member starts a new draft from this challenge (ownership is checked by the use case).</summary>
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken cancellationToken)
    {
        var copy = await sender.Send(new CopyChallenge.Command(ChallengeId), cancellationToken);
        TempData["StatusMessage"] = UiText.ChallengeCopied;
        return RedirectToPage(new { id = copy.Value });
    }

    /// <summary>
    /// The brief as the challenge page will show it, rendered by the same sanitising renderer, for the form's preview
    /// pane (fetched by the site's script). Nothing is saved; like the form, it answers only a member of the challenge's
    /// brand (anyone else: not found), and the page's posts are rate-limited: rendering a long brief costs seconds.
    /// </summary>
    public async Task<IActionResult> OnPostPreviewAsync([FromForm(Name = "Input.Brief")] string? brief, CancellationToken cancellationToken)
    {
        await sender.Send(new GetChallengeForEditing.Query(ChallengeId), cancellationToken);
        using var writer = new StringWriter();
        Markdown.ToSafeHtml(brief is { Length: > Domain.Challenges.Challenge.BriefMaximumLength } ? brief[..Domain.Challenges.Challenge.BriefMaximumLength] : brief)
            .WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return Content(writer.ToString(), "text/html; charset=utf-8");
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken)
    {
        Form = await sender.Send(new GetChallengeForEditing.Query(ChallengeId), cancellationToken);
        Licences = await sender.Send(new ListLicenceVersions.Query(Form.Challenge.LicenceVersionId), cancellationToken);

        // After a conflict the form keeps the person's input; saving again now replaces the other version knowingly.
        Input.Version = Form.Challenge.Version;
        if (!Form.CanEditCriteria)
        {
            Input.Criteria = ChallengeInput.From(Form.Challenge, time).Criteria; // frozen: always the published ones
        }

        Input.PadRows();
    }

    private ValueTask<Mediator.Unit> SaveAsync(CancellationToken cancellationToken) => sender.Send(new EditChallenge.Command(
        ChallengeId, Input.Version, Input.Title, Input.Summary, Input.Brief, Input.Category, Input.Tags, Input.Currency is { } code ? code.Trim().ToUpperInvariant() : string.Empty,
        Input.PrizeAmounts, [.. Input.Criteria.Select(row => new EditChallenge.CriterionInput(row.Name, row.Description, row.Weight))],
        Input.LicenceVersionId, Input.Visibility, Input.InvitedEmails, Input.MaximumEntriesPerCreative,
        time.FromInput(Input.OpensAt), time.FromInput(Input.Deadline), time.FromInput(Input.JudgingDeadline),
        Input.PublicVote, time.FromInput(Input.PublicVoteClosesAt), Input.PeoplesChoicePrize, Input.GivesFeedbackDuringContest,
        Input.RunnerUpPool, Input.RunnerUpRule, Input.RunnerUpPool is null ? 0 : Input.RunnerUpCount), cancellationToken);

    public sealed class ChallengeInput
    {
        public uint Version { get; set; }

        [Display(Name = nameof(UiText.ChallengeTitle), ResourceType = typeof(UiText))]
        public string Title { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.Summary), ResourceType = typeof(UiText))]
        public string Summary { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.Brief), ResourceType = typeof(UiText))]
        public string Brief { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.Category), ResourceType = typeof(UiText))]
        public ChallengeCategory? Category { get; set; }

        [Display(Name = nameof(UiText.Tags), ResourceType = typeof(UiText))]
        public string Tags { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.Currency), ResourceType = typeof(UiText))]
        public string Currency { get; set; } = "EUR";

        public List<decimal?> PrizeAmounts { get; set; } = [];

        public List<CriterionRow> Criteria { get; set; } = [];

        [Display(Name = nameof(UiText.LicenceTerms), ResourceType = typeof(UiText))]
        public Guid? LicenceVersionId { get; set; }

        [Display(Name = nameof(UiText.Visibility), ResourceType = typeof(UiText))]
        public ChallengeVisibility Visibility { get; set; }

        [Display(Name = nameof(UiText.InvitedCreatives), ResourceType = typeof(UiText))]
        public string InvitedEmails { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.EntriesPerCreative), ResourceType = typeof(UiText))]
        public int MaximumEntriesPerCreative { get; set; } = 3;

        [Display(Name = nameof(UiText.SubmissionOpens), ResourceType = typeof(UiText))]
        [DateTimeInput]
        public string OpensAt { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.SubmissionDeadline), ResourceType = typeof(UiText))]
        [DateTimeInput]
        public string Deadline { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.JudgingDeadline), ResourceType = typeof(UiText))]
        [DateTimeInput]
        public string JudgingDeadline { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.EnablePublicVote), ResourceType = typeof(UiText))]
        public bool PublicVote { get; set; }

        [Display(Name = nameof(UiText.PublicVoteClosesAt), ResourceType = typeof(UiText))]
        [DateTimeInput]
        public string PublicVoteClosesAt { get; set; } = string.Empty;

        public decimal? PeoplesChoicePrize { get; set; }

        [Display(Name = nameof(UiText.GivesFeedbackDuringContest), ResourceType = typeof(UiText))]
        public bool GivesFeedbackDuringContest { get; set; }

        [Display(Name = nameof(UiText.RunnerUpPool), ResourceType = typeof(UiText))]
        public decimal? RunnerUpPool { get; set; }

        [Display(Name = nameof(UiText.RunnerUpRuleLabel), ResourceType = typeof(UiText))]
        public RunnerUpRule RunnerUpRule { get; set; }

        [Display(Name = nameof(UiText.RunnerUpCount), ResourceType = typeof(UiText))]
        public int RunnerUpCount { get; set; } = 5;

        public static ChallengeInput From(Challenge challenge, ViewerTime time)
        {
            var input = new ChallengeInput
            {
                Version = challenge.Version,
                Title = challenge.Title,
                Summary = challenge.Summary,
                Brief = challenge.Brief,
                Category = challenge.Category,
                Tags = string.Join(", ", challenge.Tags),
                Currency = challenge.PrizeCurrency ?? "EUR",
                PrizeAmounts = [.. challenge.PrizeTiers.Select(tier => (decimal?)tier.Amount)],
                Criteria = [.. challenge.Criteria.Select(criterion => new CriterionRow { Name = criterion.Name, Description = criterion.Description, Weight = criterion.Weight })],
                LicenceVersionId = challenge.LicenceVersionId,
                Visibility = challenge.Visibility,
                InvitedEmails = string.Join('\n', challenge.InvitedEmails),
                MaximumEntriesPerCreative = challenge.MaximumEntriesPerCreative,
                OpensAt = time.ToInput(challenge.SubmissionOpensAt),
                Deadline = time.ToInput(challenge.SubmissionDeadline),
                JudgingDeadline = time.ToInput(challenge.JudgingDeadline),
                PublicVote = challenge.PublicVoteClosesAt is not null,
                PublicVoteClosesAt = time.ToInput(challenge.PublicVoteClosesAt),
                PeoplesChoicePrize = challenge.PeoplesChoicePrize,
                GivesFeedbackDuringContest = challenge.GivesFeedbackDuringContest,
                RunnerUpPool = challenge.RunnerUpPool,
                RunnerUpRule = challenge.RunnerUpRule,
                RunnerUpCount = challenge.HasRunnerUpPool ? challenge.RunnerUpCount : 5,
            };
            input.PadRows();
            return input;
        }

        /// <summary>Blank rows to fill in, so the form works without JavaScript.</summary>
        public void PadRows()
        {
            while (PrizeAmounts.Count < PrizeRows)
            {
                PrizeAmounts.Add(null);
            }

            while (Criteria.Count < CriterionRows)
            {
                Criteria.Add(new CriterionRow());
            }
        }
    }

    public sealed class CriterionRow
    {
        [Display(Name = nameof(UiText.CriteriaColumnName), ResourceType = typeof(UiText))]
        public string? Name { get; set; }

        [Display(Name = nameof(UiText.CriteriaColumnDescription), ResourceType = typeof(UiText))]
        public string? Description { get; set; }

        [Display(Name = nameof(UiText.CriteriaColumnWeight), ResourceType = typeof(UiText))]
        public int? Weight { get; set; }
    }
}
