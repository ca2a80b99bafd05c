using System.Globalization;
using Crowdsource.Domain.Judging;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>Prizes as people read them: "Prize 1" ("1er prix"), "People's choice", and how the award was decided.</summary>
public static class AwardNames
{
    /// <summary>The one wording of a prize tier: "Prize 1", "Prize 2" in English; "1er prix", "2e prix" in French.</summary>
    public static string Tier(int rank) => rank switch
    {
        Award.PeoplesChoiceRank => UiText.AwardPeoplesChoice,
        1 => UiText.PrizeFirst,
        _ => string.Format(CultureInfo.CurrentCulture, UiText.PrizeRank, rank),
    };

    public static string Method(AwardMethod method) => method switch
    {
        AwardMethod.BrandChoice => UiText.AwardMethodBrandChoice,
        AwardMethod.PanelRanking => UiText.AwardMethodPanelRanking,
        AwardMethod.PublicVote => UiText.AwardMethodPublicVote,
        _ => method.ToString(),
    };
}
