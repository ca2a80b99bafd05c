using Crowdsource.Domain.Moderation;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>Report reasons and outcomes as people read them, in their language.</summary>
public static class ReportReasonNames
{
    public static string Describe(ReportReason reason) => reason switch
    {
        ReportReason.Plagiarism => UiText.ReportReasonPlagiarism,
        ReportReason.Inappropriate => UiText.ReportReasonInappropriate,
        ReportReason.Spam => UiText.ReportReasonSpam,
        ReportReason.RulesBreach => UiText.ReportReasonRulesBreach,
        _ => UiText.ReportReasonOther,
    };

    public static string Describe(ReportOutcome outcome) => outcome switch
    {
        ReportOutcome.Upheld => UiText.ReportUpheld,
        _ => UiText.ReportDismissed,
    };
}
