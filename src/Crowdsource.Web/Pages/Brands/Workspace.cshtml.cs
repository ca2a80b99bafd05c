using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Brands;
using Crowdsource.Application.Challenges;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Brands;

/// <summary>A brand's workspace: its challenges by status (the dashboard), a new challenge, members and invitations.</summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class WorkspaceModel(ISender sender, ViewerTime time) : PageModel, IRedisplayable
{
    /// <summary>From the URL only: a form field named Id must not choose which object a post changes.</summary>
    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    [BindProperty]
    public string NewChallengeTitle { get; set; } = string.Empty;

    public GetBrandWorkspace.Workspace Workspace { get; private set; } = null!;

    /// <summary>Per challenge with entries: entries over time, by status, and average marks.</summary>
    public IReadOnlyList<GetBrandInsight.ChallengeInsight> Insight { get; private set; } = [];

    private BrandId BrandId => new(Id);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await PrepareRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostNewChallengeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var challenge = await sender.Send(new CreateChallengeDraft.Command(BrandId, NewChallengeTitle), cancellationToken);
            return RedirectToPage("/Challenges/Edit", new { id = challenge.Value });
        }
        catch (Application.Common.Exceptions.ValidationException invalid)
        {
            // The title field of this form is not under Input: put its message where the field is.
            ModelState.AddModelError(nameof(NewChallengeTitle), invalid.Errors.Values.First()[0]);
            await PrepareRedisplayAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>A new draft from an earlier challenge; the use case checks that it belongs to this person's brand.</summary>
    public async Task<IActionResult> OnPostCopyChallengeAsync(Guid challengeId, CancellationToken cancellationToken)
    {
        var copy = await sender.Send(new CopyChallenge.Command(new Domain.Challenges.ChallengeId(challengeId)), cancellationToken);
        TempData["StatusMessage"] = UiText.ChallengeCopied;
        return RedirectToPage("/Challenges/Edit", new { id = copy.Value });
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new InviteBrandMember.Command(BrandId, Input.Email, Input.Role), cancellationToken);
        TempData["StatusMessage"] = UiText.InvitationSent;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string userId, CancellationToken cancellationToken)
    {
        await sender.Send(new RemoveBrandMember.Command(BrandId, userId), cancellationToken);
        TempData["StatusMessage"] = UiText.MemberRemoved;
        return userId == User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
            ? RedirectToPage("/Brands/Index")
            : RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        await sender.Send(new RevokeBrandInvitation.Command(BrandId, invitationId), cancellationToken);
        TempData["StatusMessage"] = UiText.InvitationRevoked;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRoleAsync(string userId, BrandRole role, CancellationToken cancellationToken)
    {
        await sender.Send(new ChangeBrandMemberRole.Command(BrandId, userId, role), cancellationToken);
        TempData["StatusMessage"] = UiText.MemberRoleChanged;
        return RedirectToPage(new { id = Id });
    }

    /// <summary>
    /// Where a challenge of the dashboard leads: the page where its next step happens. A draft to its form, a challenge
    /// in judging to the winner choice, one with results to its results, any other to its page.
    /// </summary>
    public string ChallengeLink(ChallengeStatus status, ChallengeId challenge) => status switch
    {
        ChallengeStatus.Draft => Url.Page("/Challenges/Edit", new { id = challenge.Value })!,
        ChallengeStatus.Judging => Url.Page("/Brands/Winners", new { id = challenge.Value })!,
        ChallengeStatus.WinnersAnnounced or ChallengeStatus.Completed => Url.Page("/Challenges/Results", new { id = challenge.Value })!,
        _ => Url.Page("/Challenges/Details", new { id = challenge.Value })!,
    };

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken)
    {
        Workspace = await sender.Send(new GetBrandWorkspace.Query(BrandId, PageNumber), cancellationToken);
        Insight = await sender.Send(new GetBrandInsight.Query(BrandId, time.ZoneName), cancellationToken);
    }

    public sealed class InviteInput
    {
        [Display(Name = nameof(UiText.Email), ResourceType = typeof(UiText))]
        public string Email { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.BrandRole), ResourceType = typeof(UiText))]
        public BrandRole Role { get; set; } = BrandRole.Editor;
    }
}
