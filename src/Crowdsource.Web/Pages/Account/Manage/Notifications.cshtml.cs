using Crowdsource.Application.Notifications;
using Crowdsource.Domain.Notifications;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account.Manage;

/// <summary>Which kinds of notification also come by e-mail: one box per kind; all notifications stay in the centre.</summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class NotificationsModel(ISender sender) : PageModel, IRedisplayable
{
    /// <summary>The kinds ticked "also by e-mail".</summary>
    [BindProperty]
    public List<NotificationKind> ByEmail { get; set; } = [];

    public IReadOnlyList<GetNotificationPreferences.Preference> Preferences { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareRedisplayAsync(cancellationToken);

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Preferences = await sender.Send(new GetNotificationPreferences.Query(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new SaveNotificationPreferences.Command([.. ByEmail.Where(Enum.IsDefined)]), cancellationToken);
        TempData["StatusMessage"] = UiText.NotificationSettingsSaved;
        return RedirectToPage();
    }

    /// <summary>"a challenge of my brand is approved" and the like, in the reader's language.</summary>
    public static string Describe(NotificationKind kind) =>
        UiText.ResourceManager.GetString($"NotificationKind{kind}", System.Globalization.CultureInfo.CurrentUICulture) ?? kind.ToString();
}
