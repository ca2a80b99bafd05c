namespace Crowdsource.Application.Auditing;

/// <summary>
/// The code of every kind of line in the audit trail. Codes are stored with each line and never change; people read
/// them through their text in each language (a test fails for a code without one).
/// </summary>
public static class AuditActions
{
    public const string ChallengeCreated = "challenge.created";
    public const string ChallengeCopied = "challenge.copied";
    public const string ChallengeSubmitted = "challenge.submitted";
    public const string ChallengeWithdrawnFromReview = "challenge.withdrawn-from-review";
    public const string ChallengeApproved = "challenge.approved";
    public const string ChallengeRejected = "challenge.rejected";
    public const string ChallengeOpened = "challenge.opened";
    public const string ChallengeJudgingStarted = "challenge.judging-started";
    public const string ChallengeResultsAnnounced = "challenge.results-announced";
    public const string ChallengeCompleted = "challenge.completed";
    public const string ChallengeCancelled = "challenge.cancelled";
    public const string ChallengeAssetAdded = "challenge.asset-added";
    public const string ChallengeAssetRemoved = "challenge.asset-removed";
    public const string ChallengeCoverSet = "challenge.cover-set";
    public const string ChallengeQuestionAnswered = "challenge.question-answered";
    public const string ChallengeTextEdited = "challenge.text-edited";
    public const string ChallengePrizesRaised = "challenge.prizes-raised";
    public const string ChallengeCriteriaChanged = "challenge.criteria-changed";
    public const string ChallengeAudienceWidened = "challenge.audience-widened";
    public const string ChallengeOpeningMoved = "challenge.opening-moved";
    public const string ChallengeDeadlineExtended = "challenge.deadline-extended";
    public const string ChallengeJudgingDeadlineExtended = "challenge.judging-deadline-extended";
    public const string ChallengePublicVoteExtended = "challenge.public-vote-extended";
    public const string BrandCreated = "brand.created";
    public const string BrandUpdated = "brand.updated";
    public const string BrandVerified = "brand.verified";
    public const string BrandUnverified = "brand.unverified";
    public const string BrandMemberInvited = "brand.member-invited";
    public const string BrandInvitationRevoked = "brand.invitation-revoked";
    public const string BrandMemberJoined = "brand.member-joined";
    public const string BrandMemberRoleChanged = "brand.member-role-changed";
    public const string BrandMemberRemoved = "brand.member-removed";
    public const string BrandMemberLeft = "brand.member-left";
    public const string LicencePublished = "licence.published";
    public const string EntrySubmitted = "entry.submitted";
    public const string EntryEdited = "entry.edited";
    public const string EntryWithdrawn = "entry.withdrawn";
    public const string EntryApproved = "entry.approved";
    public const string EntryChangesRequested = "entry.changes-requested";
    public const string EntryRejected = "entry.rejected";
    public const string EntryShortlisted = "entry.shortlisted";
    public const string EntryUnshortlisted = "entry.unshortlisted";
    public const string EntryPublished = "entry.published";
    public const string EntryUnpublished = "entry.unpublished";
    public const string EntryScored = "entry.scored";
    public const string EntryRated = "entry.rated";
    public const string ReportFiled = "report.filed";
    public const string ReportResolved = "report.resolved";
    public const string JudgeAssigned = "judge.assigned";
    public const string JudgeRemoved = "judge.removed";
    public const string JudgingBlind = "judging.blind";
    public const string JudgingNamesShown = "judging.names-shown";
    public const string WinnersSelected = "winners.selected";
    public const string WinnersConfirmed = "winners.confirmed";
    public const string WinnersAwardedByRanking = "winners.awarded-by-ranking";
    public const string AwardPaid = "award.paid";
    public const string OfferMade = "offer.made";
    public const string OfferWithdrawn = "offer.withdrawn";
    public const string OfferAccepted = "offer.accepted";
    public const string OfferDeclined = "offer.declined";
    public const string OfferExpired = "offer.expired";
    public const string OfferPaid = "offer.paid";
    public const string EntryOffersOn = "entry.offers-on";
    public const string EntryOffersOff = "entry.offers-off";
    public const string RunnerUpPaid = "runner-up.paid";
    public const string PrizeTransferRecorded = "funding.transfer-recorded";
    public const string PrizeTransferConfirmed = "funding.transfer-confirmed";
    public const string PrizeTransferRefused = "funding.transfer-refused";
    public const string PrizeFundsReturned = "funding.returned";
    public const string AccountDeleted = "account.deleted";
    public const string PayoutDetailsSaved = "payout-details.saved";
    public const string PayoutDetailsRemoved = "payout-details.removed";
    public const string PayoutDetailsRevealed = "payout-details.revealed";
}
