using System.Globalization;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>Challenge and entry statuses and categories as people read them, in their language.</summary>
public static class StatusNames
{
    public static string Describe(ChallengeStatus status) => status switch
    {
        ChallengeStatus.Draft => UiText.StatusDraft,
        ChallengeStatus.InReview => UiText.StatusInReview,
        ChallengeStatus.Scheduled => UiText.StatusScheduled,
        ChallengeStatus.Open => UiText.StatusOpen,
        ChallengeStatus.Judging => UiText.StatusJudging,
        ChallengeStatus.WinnersAnnounced => UiText.StatusWinnersAnnounced,
        ChallengeStatus.Completed => UiText.StatusCompleted,
        ChallengeStatus.Cancelled => UiText.StatusCancelled,
        _ => status.ToString(),
    };

    public static string BadgeClass(ChallengeStatus status) => status switch
    {
        ChallengeStatus.Open => "text-bg-success",
        ChallengeStatus.Scheduled or ChallengeStatus.InReview => "text-bg-info",
        ChallengeStatus.Judging => "text-bg-warning",
        ChallengeStatus.Cancelled => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    public static string Describe(EntryStatus status) => status switch
    {
        EntryStatus.Submitted => UiText.EntryStatusSubmitted,
        EntryStatus.ChangesRequested => UiText.EntryStatusChangesRequested,
        EntryStatus.Approved => UiText.EntryStatusApproved,
        EntryStatus.Rejected => UiText.EntryStatusRejected,
        EntryStatus.Withdrawn => UiText.EntryStatusWithdrawn,
        _ => status.ToString(),
    };

    /// <summary>A winning entry says "Winner" and its prize instead of its screening status (<paramref name="prizeRank"/>: its award's rank, or null).</summary>
    public static string Describe(EntryStatus status, int? prizeRank) => prizeRank switch
    {
        null => Describe(status),
        Domain.Judging.Award.PeoplesChoiceRank => UiText.EntryStatusWinnerPeoplesChoice,
        { } rank => string.Format(CultureInfo.CurrentCulture, UiText.EntryStatusWinner, AwardNames.Tier(rank)),
    };

    public static string BadgeClass(EntryStatus status, int? prizeRank) => prizeRank is null ? BadgeClass(status) : "text-bg-warning";

    public static string BadgeClass(EntryStatus status) => status switch
    {
        EntryStatus.Approved => "text-bg-success",
        EntryStatus.Submitted => "text-bg-info",
        EntryStatus.ChangesRequested => "text-bg-warning",
        EntryStatus.Rejected => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    public static string Describe(Domain.Licensing.LicenceScope scope) => scope switch
    {
        Domain.Licensing.LicenceScope.ExclusiveAssignment => UiText.ScopeExclusiveAssignment,
        Domain.Licensing.LicenceScope.NonExclusiveLicence => UiText.ScopeNonExclusiveLicence,
        _ => UiText.ScopeCreativeKeepsRights,
    };

    public static string Describe(ChallengeCategory? category) => category switch
    {
        ChallengeCategory.Packaging => UiText.CategoryPackaging,
        ChallengeCategory.Product => UiText.CategoryProduct,
        ChallengeCategory.Advertising => UiText.CategoryAdvertising,
        ChallengeCategory.Branding => UiText.CategoryBranding,
        ChallengeCategory.Illustration => UiText.CategoryIllustration,
        ChallengeCategory.Video => UiText.CategoryVideo,
        ChallengeCategory.Photography => UiText.CategoryPhotography,
        ChallengeCategory.Naming => UiText.CategoryNaming,
        ChallengeCategory.Other => UiText.CategoryOther,
        _ => "—",
    };
}
