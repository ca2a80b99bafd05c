using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Notifications;

namespace Crowdsource.Application.Brands;

internal static class BrandEmails
{
    /// <summary>
    /// In the invitee's language when they have an account, else in the inviter's current language. The address may
    /// never have heard of us: the e-mail names the brand (a name that holds no link) and nothing the inviter typed.
    /// </summary>
    public static OutgoingEmail Invitation(string email, string? culture, string brandName, Uri link, DateTimeOffset now) =>
        Emails.Compose(email, null, culture ?? System.Globalization.CultureInfo.CurrentUICulture.Name,
            nameof(Messages.EmailBrandInvitationSubject), nameof(Messages.EmailBrandInvitationIntro), nameof(Messages.EmailBrandInvitationAction),
            link, now, [brandName], [brandName]);
}
