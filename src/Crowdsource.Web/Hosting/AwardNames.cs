using System.Globalization;
using Crowdsource.Domain.Judging;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>Prizes as people read them: "Prize 1", "People's choice", and how the award was decided.</summary>
public static class AwardNames
{
    public static string Tier(int rank) =>
        rank == Award.PeoplesChoiceRank ? UiText.AwardPeoplesChoice : string.Format(CultureInfo.CurrentCulture, UiText.AwardRank, rank);

    public static string Method(AwardMethod method) => method switch
    {
        AwardMethod.BrandChoice => UiText.AwardMethodBrandChoice,
        AwardMethod.PanelRanking => UiText.AwardMethodPanelRanking,
        AwardMethod.PublicVote => UiText.AwardMethodPublicVote,
        _ => method.ToString(),
    };
}
