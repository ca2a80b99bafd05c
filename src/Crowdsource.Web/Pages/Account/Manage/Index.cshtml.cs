using System.ComponentModel.DataAnnotations;
using Crowdsource.Application.Accounts;
using Crowdsource.Web.Files;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account.Manage;

/// <summary>The signed-in person's profile: what others see, and the language of their e-mails.</summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class IndexModel(ISender sender, SignInManager<CrowdsourceUser> signIn)
    : PageModel, IRedisplayable
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public GetMyProfile.Profile Profile { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await PrepareRedisplayAsync(cancellationToken);
        Input = new InputModel
        {
            DisplayName = Profile.DisplayName,
            Bio = Profile.Bio ?? string.Empty,
            PreferredCulture = Profile.PreferredCulture,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new UpdateProfile.Command(Input.DisplayName, Input.Bio, Input.PreferredCulture, Input.Avatar.ToUpload(), Input.RemoveAvatar),
            cancellationToken);

        // The display name lives in the cookie: issue a fresh one.
        await signIn.RefreshCookieAsync(User);

        TempData["StatusMessage"] = UiText.ProfileSaved;
        return RedirectToPage();
    }

    /// <summary>Ends every session of the account, this one included, and goes to the log-in page.</summary>
    public async Task<IActionResult> OnPostLogOutEverywhereAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new LogOutEverywhere.Command(), cancellationToken);
        await signIn.SignOutAsync();
        TempData["StatusMessage"] = UiText.LoggedOutEverywhere;
        return RedirectToPage("/Account/Login");
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Profile = await sender.Send(new GetMyProfile.Query(), cancellationToken);

    public sealed class InputModel
    {
        [Display(Name = nameof(UiText.DisplayName), ResourceType = typeof(UiText))]
        public string DisplayName { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.Bio), ResourceType = typeof(UiText))]
        public string Bio { get; set; } = string.Empty;

        [Display(Name = nameof(UiText.PreferredLanguage), ResourceType = typeof(UiText))]
        public string PreferredCulture { get; set; } = SupportedCultures.Default;

        public IFormFile? Avatar { get; set; }

        public bool RemoveAvatar { get; set; }
    }
}
