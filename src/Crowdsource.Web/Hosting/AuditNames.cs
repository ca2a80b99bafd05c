using System.Text.RegularExpressions;
using Crowdsource.Application.Auditing;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The audit trail as people read it, in their language: each action code in words, and a status change stored as
/// "Draft → InReview" shown with the statuses' names (from <see cref="StatusNames"/>).
/// </summary>
public static partial class AuditNames
{
    public static string Describe(string action) => action switch
    {
        AuditActions.ChallengeCreated => UiText.AuditChallengeCreated,
        AuditActions.ChallengeCopied => UiText.AuditChallengeCopied,
        AuditActions.ChallengeSubmitted => UiText.AuditChallengeSubmitted,
        AuditActions.ChallengeWithdrawnFromReview => UiText.AuditChallengeWithdrawnFromReview,
        AuditActions.ChallengeApproved => UiText.AuditChallengeApproved,
        AuditActions.ChallengeRejected => UiText.AuditChallengeRejected,
        AuditActions.ChallengeOpened => UiText.AuditChallengeOpened,
        AuditActions.ChallengeJudgingStarted => UiText.AuditChallengeJudgingStarted,
        AuditActions.ChallengeResultsAnnounced => UiText.AuditChallengeResultsAnnounced,
        AuditActions.ChallengeCompleted => UiText.AuditChallengeCompleted,
        AuditActions.ChallengeCancelled => UiText.AuditChallengeCancelled,
        AuditActions.ChallengeAssetAdded => UiText.AuditChallengeAssetAdded,
        AuditActions.ChallengeCoverSet => UiText.AuditChallengeCoverSet,
        AuditActions.ChallengeAssetRemoved => UiText.AuditChallengeAssetRemoved,
        AuditActions.ChallengeQuestionAnswered => UiText.AuditChallengeQuestionAnswered,
        AuditActions.ChallengeTextEdited => UiText.AuditChallengeTextEdited,
        AuditActions.ChallengePrizesRaised => UiText.AuditChallengePrizesRaised,
        AuditActions.ChallengeCriteriaChanged => UiText.AuditChallengeCriteriaChanged,
        AuditActions.ChallengeAudienceWidened => UiText.AuditChallengeAudienceWidened,
        AuditActions.ChallengeOpeningMoved => UiText.AuditChallengeOpeningMoved,
        AuditActions.ChallengeDeadlineExtended => UiText.AuditChallengeDeadlineExtended,
        AuditActions.ChallengeJudgingDeadlineExtended => UiText.AuditChallengeJudgingDeadlineExtended,
        AuditActions.ChallengePublicVoteExtended => UiText.AuditChallengePublicVoteExtended,
        AuditActions.BrandCreated => UiText.AuditBrandCreated,
        AuditActions.BrandUpdated => UiText.AuditBrandUpdated,
        AuditActions.BrandVerified => UiText.AuditBrandVerified,
        AuditActions.BrandUnverified => UiText.AuditBrandUnverified,
        AuditActions.BrandMemberInvited => UiText.AuditBrandMemberInvited,
        AuditActions.BrandInvitationRevoked => UiText.AuditBrandInvitationRevoked,
        AuditActions.BrandMemberJoined => UiText.AuditBrandMemberJoined,
        AuditActions.BrandMemberRoleChanged => UiText.AuditBrandMemberRoleChanged,
        AuditActions.BrandMemberRemoved => UiText.AuditBrandMemberRemoved,
        AuditActions.BrandMemberLeft => UiText.AuditBrandMemberLeft,
        AuditActions.LicencePublished => UiText.AuditLicencePublished,
        AuditActions.EntrySubmitted => UiText.AuditEntrySubmitted,
        AuditActions.EntryEdited => UiText.AuditEntryEdited,
        AuditActions.EntryWithdrawn => UiText.AuditEntryWithdrawn,
        AuditActions.EntryApproved => UiText.AuditEntryApproved,
        AuditActions.EntryChangesRequested => UiText.AuditEntryChangesRequested,
        AuditActions.EntryRejected => UiText.AuditEntryRejected,
        AuditActions.EntryShortlisted => UiText.AuditEntryShortlisted,
        AuditActions.EntryUnshortlisted => UiText.AuditEntryUnshortlisted,
        AuditActions.EntryPublished => UiText.AuditEntryPublished,
        AuditActions.EntryUnpublished => UiText.AuditEntryUnpublished,
        AuditActions.EntryScored => UiText.AuditEntryScored,
        AuditActions.ReportFiled => UiText.AuditReportFiled,
        AuditActions.ReportResolved => UiText.AuditReportResolved,
        AuditActions.JudgeAssigned => UiText.AuditJudgeAssigned,
        AuditActions.JudgeRemoved => UiText.AuditJudgeRemoved,
        AuditActions.JudgingBlind => UiText.AuditJudgingBlind,
        AuditActions.JudgingNamesShown => UiText.AuditJudgingNamesShown,
        AuditActions.WinnersSelected => UiText.AuditWinnersSelected,
        AuditActions.WinnersConfirmed => UiText.AuditWinnersConfirmed,
        AuditActions.WinnersAwardedByRanking => UiText.AuditWinnersAwardedByRanking,
        AuditActions.AwardPaid => UiText.AuditAwardPaid,
        AuditActions.AccountDeleted => UiText.AuditAccountDeleted,
        _ => action,
    };

    public static string Details(string details)
    {
        var transition = Transition().Match(details);
        if (!transition.Success
            || !Enum.TryParse<ChallengeStatus>(transition.Groups["from"].Value, out var from)
            || !Enum.TryParse<ChallengeStatus>(transition.Groups["to"].Value, out var to))
        {
            return details;
        }

        var text = $"{StatusNames.Describe(from)} → {StatusNames.Describe(to)}";
        return transition.Groups["rest"].Success ? $"{Punctuation.Colon(text)} {transition.Groups["rest"].Value}" : text;
    }

    [GeneratedRegex(@"^(?<from>[A-Z][A-Za-z]+) → (?<to>[A-Z][A-Za-z]+)(?:: (?<rest>.*))?$", RegexOptions.Singleline)]
    private static partial Regex Transition();
}
