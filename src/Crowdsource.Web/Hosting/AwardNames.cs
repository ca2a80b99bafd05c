using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Judging;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>Prizes as people read them: "Prize 1" ("1er prix"), "People's choice", and how the award was decided.</summary>
public static class AwardNames
{
    /// <summary>The name of a prize tier in the reader's language ("Prize 1", "1er prix"): see <see cref="PrizeWording"/>.</summary>
    public static string Tier(int rank) => PrizeWording.Tier(rank, CultureInfo.CurrentCulture);

    public static string Method(AwardMethod method) => method switch
    {
        AwardMethod.BrandChoice => UiText.AwardMethodBrandChoice,
        AwardMethod.PanelRanking => UiText.AwardMethodPanelRanking,
        AwardMethod.PublicVote => UiText.AwardMethodPublicVote,
        _ => method.ToString(),
    };
}
