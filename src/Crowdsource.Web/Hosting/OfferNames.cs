using Crowdsource.Domain.Offers;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>An offer's state in the reader's language, and the badge that shows it.</summary>
public static class OfferNames
{
    public static string Status(OfferStatus status) => status switch
    {
        OfferStatus.Pending => UiText.OfferStatusPending,
        OfferStatus.Accepted => UiText.OfferStatusAccepted,
        OfferStatus.Declined => UiText.OfferStatusDeclined,
        OfferStatus.Withdrawn => UiText.OfferStatusWithdrawn,
        OfferStatus.Expired => UiText.OfferStatusExpired,
        _ => status.ToString(),
    };

    /// <summary>A paid offer reads "Paid" whatever else it says.</summary>
    public static string Describe(OfferStatus status, DateTimeOffset? paidAt) => paidAt is null ? Status(status) : UiText.OfferStatusPaid;

    public static string BadgeClass(OfferStatus status) => status switch
    {
        OfferStatus.Pending => "text-bg-warning",
        OfferStatus.Accepted => "text-bg-success",
        _ => "text-bg-secondary",
    };
}
