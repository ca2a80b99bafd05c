using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crowdsource.Application.Auditing;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Moderation;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The audit trail as people read it, in their language: each action code in words, and a status change stored as
/// "Draft → InReview" shown with the statuses' names (from <see cref="StatusNames"/>), the facts of a line in words.
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
        AuditActions.EntryRated => UiText.AuditEntryRated,
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
        AuditActions.OfferMade => UiText.AuditOfferMade,
        AuditActions.OfferWithdrawn => UiText.AuditOfferWithdrawn,
        AuditActions.OfferAccepted => UiText.AuditOfferAccepted,
        AuditActions.OfferDeclined => UiText.AuditOfferDeclined,
        AuditActions.OfferExpired => UiText.AuditOfferExpired,
        AuditActions.OfferPaid => UiText.AuditOfferPaid,
        AuditActions.EntryOffersOn => UiText.AuditEntryOffersOn,
        AuditActions.EntryOffersOff => UiText.AuditEntryOffersOff,
        AuditActions.RunnerUpPaid => UiText.AuditRunnerUpPaid,
        AuditActions.PrizeTransferRecorded => UiText.AuditPrizeTransferRecorded,
        AuditActions.PrizeTransferConfirmed => UiText.AuditPrizeTransferConfirmed,
        AuditActions.PrizeTransferRefused => UiText.AuditPrizeTransferRefused,
        AuditActions.PrizeFundsReturned => UiText.AuditPrizeFundsReturned,
        AuditActions.AccountDeleted => UiText.AuditAccountDeleted,
        AuditActions.PayoutDetailsSaved => UiText.AuditPayoutDetailsSaved,
        AuditActions.PayoutDetailsRemoved => UiText.AuditPayoutDetailsRemoved,
        AuditActions.PayoutDetailsRevealed => UiText.AuditPayoutDetailsRevealed,
        _ => action,
    };

    /// <summary>
    /// The details of a line in the reader's language: facts (<see cref="AuditFacts"/>) written out one by one, a status
    /// change with the statuses' names, older plain text as it is.
    /// </summary>
    public static string Details(string details, ViewerTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (AuditFacts.Read(details) is { } facts)
        {
            try
            {
                return facts.TryGetProperty(AuditFacts.Before, out var before) && facts.TryGetProperty(AuditFacts.After, out var after)
                    ? $"{Facts(before, time)} → {Facts(after, time)}"
                    : Facts(facts, time);
            }
            catch (Exception error) when (error is InvalidOperationException or FormatException)
            {
                // Text that only looks like facts (a challenge titled {"rank":"x"}, recorded as typed): shown as typed.
                return details;
            }
        }

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

    private static string Facts(JsonElement facts, ViewerTime time)
    {
        var said = new List<string>();
        foreach (var fact in facts.EnumerateObject())
        {
            var value = fact.Value;
            string? text = fact.Name switch
            {
                AuditFacts.Changed => Labelled(UiText.AuditChanged, string.Join(", ", value.EnumerateArray().Select(part => TextPart(part.GetString())))),
                AuditFacts.Rank => AwardNames.Tier(value.GetInt32()),
                AuditFacts.Amount => MoneyFormat.Amount(value.GetDecimal(), facts.TryGetProperty(AuditFacts.Currency, out var currency) ? currency.GetString() : null),
                AuditFacts.Currency => null, // written with the amount
                AuditFacts.Reference => Labelled(UiText.PaymentReference, value.GetString()),
                AuditFacts.Entry => Labelled(UiText.AuditEntry, value.GetString()),
                AuditFacts.Offer => Labelled(UiText.AuditOffer, value.GetString()),
                AuditFacts.Visibility => Enum.TryParse<ChallengeVisibility>(value.GetString(), out var visibility) && visibility == ChallengeVisibility.InviteOnly
                    ? UiText.InviteOnly : UiText.AuditPublic,
                AuditFacts.Invited => Labelled(UiText.AuditInvited, value.GetInt32().ToString(CultureInfo.CurrentCulture)),
                AuditFacts.EntriesPerCreative => Labelled(UiText.EntriesPerCreative, value.GetInt32().ToString(CultureInfo.CurrentCulture)),
                AuditFacts.VoteClosesAt => value.ValueKind == JsonValueKind.Null
                    ? UiText.AuditNoPublicVote
                    : string.Format(CultureInfo.CurrentCulture, UiText.AuditPublicVoteUntil, time.Format(value.GetDateTimeOffset())),
                AuditFacts.PeoplesChoicePrize => value.ValueKind == JsonValueKind.Null
                    ? null
                    : Labelled(AwardNames.Tier(Award.PeoplesChoiceRank), MoneyFormat.Amount(value.GetDecimal(), null)),
                AuditFacts.Private => value.GetBoolean() ? UiText.AuditPrivateAnswer : UiText.AuditPublicAnswer,
                AuditFacts.Stars => string.Format(CultureInfo.CurrentCulture, UiText.StarsOutOfFive, value.GetInt32()),
                // A report's reason is one of its names; any other reason (a refused transfer's, typed by an admin, even "1234567890") is shown as typed.
                AuditFacts.Reason => Enum.GetNames<ReportReason>().Contains(value.GetString()) && Enum.TryParse<ReportReason>(value.GetString(), out var reason)
                    ? ReportReasonNames.Describe(reason) : value.GetString(),
                AuditFacts.Outcome => Enum.GetNames<ReportOutcome>().Contains(value.GetString()) && Enum.TryParse<ReportOutcome>(value.GetString(), out var outcome)
                    ? ReportReasonNames.Describe(outcome) : value.GetString(),
                _ => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), // the answer, a report's text
            };
            if (!string.IsNullOrEmpty(text))
            {
                said.Add(text);
            }
        }

        return string.Join(" · ", said);
    }

    private static string Labelled(string label, string? value) => $"{Punctuation.Colon(label)} {value}";

    private static string TextPart(string? part) => part switch
    {
        AuditFacts.TextParts.Title => UiText.ChallengeTitle,
        AuditFacts.TextParts.Summary => UiText.Summary,
        AuditFacts.TextParts.Brief => UiText.Brief,
        AuditFacts.TextParts.Category => UiText.Category,
        AuditFacts.TextParts.Tags => UiText.Tags,
        _ => part ?? string.Empty,
    };

    [GeneratedRegex(@"^(?<from>[A-Z][A-Za-z]+) → (?<to>[A-Z][A-Za-z]+)(?:: (?<rest>.*))?$", RegexOptions.Singleline)]
    private static partial Regex Transition();
}
