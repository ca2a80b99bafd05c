using System.Globalization;
using System.Linq.Expressions;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Files;
using Crowdsource.Domain.Judging;

namespace Crowdsource.Domain.Challenges;

/// <summary>
/// A brand's creative challenge, from draft to judging. A draft may be incomplete (<see cref="PublishChecks"/>
/// lists what is missing). Once a moderator approves it, the promises made to creatives only improve: the deadline
/// moves later, prizes rise, the licence stays, and criteria stay once an entry exists.
/// </summary>
public sealed partial class Challenge
{
    public const int TitleMaximumLength = 120;
    public const int SummaryMaximumLength = 300;
    public const int BriefMaximumLength = 20_000;
    public const int MaximumTags = 10;
    public const int TagMaximumLength = 30;
    public const int MaximumPrizeTiers = 10;
    public const int MaximumCriteria = 10;
    public const int MaximumInvitations = 500;
    public const int MaximumEntriesPerCreativeLimit = 20;

    /// <summary>Creatives need time: a deadline closer than this to approval is refused.</summary>
    public static readonly TimeSpan MinimumSubmissionWindow = TimeSpan.FromDays(1);

    /// <summary>Followers hear that the deadline is near this long before it.</summary>
    public static readonly TimeSpan DeadlineReminderNotice = TimeSpan.FromHours(24);

    private List<PrizeTier> _prizeTiers = [];
    private List<JudgingCriterion> _criteria = [];
    private List<string> _tags = [];
    private List<string> _invitedEmails = [];
    private readonly List<ChallengeAsset> _assets = [];
    private List<WinnerPick> _winnerSelection = [];

    private Challenge()
    {
        Title = string.Empty;
        Slug = string.Empty;
        Summary = string.Empty;
        Brief = string.Empty;
        CreatedByUserId = string.Empty;
    }

    public ChallengeId Id { get; private set; }

    public BrandId BrandId { get; private set; }

    public string Title { get; private set; }

    public string Slug { get; private set; }

    public string Summary { get; private set; }

    /// <summary>Markdown, rendered to sanitised HTML on display.</summary>
    public string Brief { get; private set; }

    public ChallengeCategory? Category { get; private set; }

    public IReadOnlyList<string> Tags => _tags;

    public IReadOnlyList<PrizeTier> PrizeTiers => _prizeTiers;

    public IReadOnlyList<JudgingCriterion> Criteria => _criteria;

    /// <summary>Files for creatives, oldest first.</summary>
    public IReadOnlyList<ChallengeAsset> Assets => _assets;

    public Guid? LicenceVersionId { get; private set; }

    /// <summary>The cover image shown on the challenge's page (a stored image), or null.</summary>
    public Guid? CoverFileId { get; private set; }

    /// <summary>A small copy of the cover for cards, or null when none could be made (the cover itself is then shown).</summary>
    public Guid? CoverThumbnailFileId { get; private set; }

    public ChallengeVisibility Visibility { get; private set; }

    /// <summary>Lower-case addresses of the creatives invited to an invite-only challenge.</summary>
    public IReadOnlyList<string> InvitedEmails => _invitedEmails;

    public int MaximumEntriesPerCreative { get; private set; } = 3;

    public DateTimeOffset? SubmissionOpensAt { get; private set; }

    public DateTimeOffset? SubmissionDeadline { get; private set; }

    public DateTimeOffset? JudgingDeadline { get; private set; }

    public ChallengeStatus Status { get; private set; }

    /// <summary>Why a moderator sent the challenge back; shown to the brand until it is sent again.</summary>
    public string? RejectionReason { get; private set; }

    public string? CancellationReason { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Judges see entries without their authors' names (the default), so the work is judged, not the person.</summary>
    public bool BlindJudging { get; private set; } = true;

    /// <summary>The brand's promise, shown before anyone enters: it rates entries and comments on them while the challenge is open.</summary>
    public bool GivesFeedbackDuringContest { get; private set; }

    /// <summary>When the public vote closes; null when the challenge has no public vote. It opens at the deadline.</summary>
    public DateTimeOffset? PublicVoteClosesAt { get; private set; }

    /// <summary>The "People's choice" prize for the most voted entry, in the prizes' currency; null for none.</summary>
    public decimal? PeoplesChoicePrize { get; private set; }

    /// <summary>The brand Owner's choice of one entry per prize tier, waiting for a moderator to confirm it.</summary>
    public IReadOnlyList<WinnerPick> WinnerSelection => _winnerSelection;

    public string? WinnersSelectedByUserId { get; private set; }

    public DateTimeOffset? WinnersSelectedAt { get; private set; }

    /// <summary>Once set, scores, screening and the panel no longer change: the results rest on them.</summary>
    public DateTimeOffset? RankingLockedAt { get; private set; }

    public DateTimeOffset? ResultsAnnouncedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>When followers were told the deadline is a day away (so they are told once).</summary>
    public DateTimeOffset? DeadlineReminderSentAt { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL's xmin).</summary>
    public uint Version { get; private set; }

    /// <summary>The sum of the prizes, kept with the challenge so lists can sort and filter by it.</summary>
    public decimal TotalPrize { get; private set; }

    public string? PrizeCurrency => _prizeTiers.Count > 0 ? _prizeTiers[0].Currency : null;

    public bool IsRankingLocked => RankingLockedAt is not null;

    /// <summary>
    /// Published and not yet decided (scheduled, open or in judging), for queries: its entrants are still rivals, so
    /// none of them may join its brand, and an account that leaves keeps its entries there until results.
    /// </summary>
    public static Expression<Func<Challenge, bool>> IsRunning { get; } = challenge =>
        challenge.Status == ChallengeStatus.Scheduled || challenge.Status == ChallengeStatus.Open || challenge.Status == ChallengeStatus.Judging;

    public bool IsPublished => Status is ChallengeStatus.Scheduled or ChallengeStatus.Open or ChallengeStatus.Judging
        or ChallengeStatus.WinnersAnnounced or ChallengeStatus.Completed;

    public static Challenge CreateDraft(BrandId brandId, string title, string createdByUserId, DateTimeOffset now)
    {
        var challenge = new Challenge
        {
            Id = ChallengeId.New(now),
            BrandId = brandId,
            Status = ChallengeStatus.Draft,
            CreatedByUserId = createdByUserId,
            CreatedAt = now,
        };
        challenge.Describe(title, string.Empty, string.Empty, null, [], now);
        return challenge;
    }

    /// <summary>
    /// A new draft of the same brand started from this challenge, whatever its status: the text, prizes, criteria,
    /// licence, audience and the files for creatives (the same stored files) are copied; the dates, the public vote
    /// and everything that happened to this challenge are left behind, to be filled in for the new one.
    /// </summary>
    public Challenge CopyAsDraft(string createdByUserId, DateTimeOffset now)
    {
        var copy = CreateDraft(BrandId, Title, createdByUserId, now);
        copy.Summary = Summary;
        copy.Brief = Brief;
        copy.Category = Category;
        copy._tags = [.. _tags];
        copy._prizeTiers = [.. _prizeTiers.Select(tier => tier with { })];
        copy.TotalPrize = TotalPrize;
        copy.RunnerUpPool = RunnerUpPool;
        copy.RunnerUpRule = RunnerUpRule;
        copy.RunnerUpCount = RunnerUpCount;
        copy._criteria = [.. _criteria.Select(criterion => criterion with { })];
        copy.LicenceVersionId = LicenceVersionId;
        copy.Visibility = Visibility;
        copy._invitedEmails = [.. _invitedEmails];
        copy.MaximumEntriesPerCreative = MaximumEntriesPerCreative;
        copy.BlindJudging = BlindJudging;
        copy.GivesFeedbackDuringContest = GivesFeedbackDuringContest;
        copy._assets.AddRange(_assets.Select(asset => asset.CopyFor(copy.Id, now)));
        return copy;
    }

    /// <summary>The text of the challenge. Allowed until judging starts (clarifications are audited by the caller).</summary>
    public void Describe(string title, string summary, string brief, ChallengeCategory? category, IEnumerable<string> tags, DateTimeOffset now)
    {
        EnsureStatus(DomainText.ChallengeTextLocked, ChallengeStatus.Draft, ChallengeStatus.Scheduled, ChallengeStatus.Open);
        title = (title ?? string.Empty).Trim();
        if (title.Length == 0 || title.Length > TitleMaximumLength)
        {
            throw new DomainRuleException("challenge.invalid-title", Format(DomainText.ChallengeTitleInvalid, TitleMaximumLength));
        }

        summary = (summary ?? string.Empty).Trim();
        brief = (brief ?? string.Empty).Trim();
        if (summary.Length > SummaryMaximumLength)
        {
            throw new DomainRuleException("challenge.summary-too-long", Format(DomainText.ChallengeSummaryTooLong, SummaryMaximumLength));
        }

        if (brief.Length > BriefMaximumLength)
        {
            throw new DomainRuleException("challenge.brief-too-long", Format(DomainText.ChallengeBriefTooLong, BriefMaximumLength));
        }

        if (IsPublished && (summary.Length == 0 || brief.Length == 0 || category is null))
        {
            throw new DomainRuleException("challenge.published-text-required", DomainText.PublishedTextRequired);
        }

        var cleanTags = (tags ?? []).Select(tag => tag.Trim().ToLowerInvariant()).Where(tag => tag.Length > 0)
            .Distinct(StringComparer.Ordinal).ToList();
        if (cleanTags.Count > MaximumTags || cleanTags.Exists(tag => tag.Length > TagMaximumLength))
        {
            throw new DomainRuleException("challenge.invalid-tags", Format(DomainText.ChallengeTagsInvalid, MaximumTags, TagMaximumLength));
        }

        Title = title;
        Slug = Common.Slug.From(title) is { Length: > 0 } slug ? slug : "challenge";
        Summary = summary;
        Brief = brief;
        Category = category;
        _tags = cleanTags;
        UpdatedAt = now;
    }

    /// <summary>
    /// Sets the prizes. In a draft, anything valid; once published, every existing tier keeps its rank and currency
    /// and may only rise, and tiers may be added but not removed.
    /// </summary>
    public void SetPrizeTiers(IReadOnlyList<PrizeTier> tiers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        EnsureStatus(DomainText.ChallengePrizesLocked, ChallengeStatus.Draft, ChallengeStatus.Scheduled, ChallengeStatus.Open, ChallengeStatus.Judging);
        var ordered = tiers.OrderBy(tier => tier.Rank).ToList();
        if (ordered.Count > MaximumPrizeTiers || ordered.Select((tier, index) => tier.Rank != index + 1).Any(gap => gap))
        {
            throw new DomainRuleException("challenge.invalid-ranks", Format(DomainText.PrizeRanksInvalid, MaximumPrizeTiers));
        }

        if (ordered.Select(tier => tier.Currency).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new DomainRuleException("challenge.mixed-currencies", DomainText.PrizeCurrenciesMixed);
        }

        if (IsPublished)
        {
            foreach (var previous in _prizeTiers)
            {
                var next = ordered.Find(tier => tier.Rank == previous.Rank);
                if (next is null || next.Currency != previous.Currency || next.Amount < previous.Amount)
                {
                    throw new DomainRuleException("challenge.prize-lowered", DomainText.PrizeCannotFall);
                }
            }
        }

        var total = ordered.Sum(tier => tier.Amount);
        EnsurePoolFitsFunding(total + (PeoplesChoicePrize ?? 0) + (RunnerUpPool ?? 0), ordered.Count > 0 ? ordered[0].Currency : null);
        _prizeTiers = ordered;
        TotalPrize = total;
        RefreshFunding(now);
        UpdatedAt = now;
    }

    /// <summary>
    /// Whether the brand may still change the judging criteria: until judging starts, and never once an entry exists
    /// (<paramref name="hasEntries"/>: any entry, whatever its status, withdrawn included), since creatives entered
    /// against them and judges' marks are given per criterion.
    /// </summary>
    public bool CanEditCriteria(bool hasEntries) => CriteriaRefusal(hasEntries) is null;

    private DomainRuleException? CriteriaRefusal(bool hasEntries) =>
        Status is not (ChallengeStatus.Draft or ChallengeStatus.Scheduled or ChallengeStatus.Open)
            ? new DomainRuleException("challenge.wrong-status", DomainText.ChallengeCriteriaLocked)
            : hasEntries ? new DomainRuleException("challenge.criteria-frozen", DomainText.CriteriaFrozen) : null;

    /// <summary>Sets the judging criteria while <see cref="CanEditCriteria"/> allows it; the same criteria again change nothing.</summary>
    public void SetCriteria(IReadOnlyList<JudgingCriterion> criteria, bool hasEntries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.SequenceEqual(_criteria))
        {
            return; // the form sends frozen criteria back unchanged: nothing is asked of the rule
        }

        if (CriteriaRefusal(hasEntries) is { } refusal)
        {
            throw refusal;
        }

        if (criteria.Count > MaximumCriteria)
        {
            throw new DomainRuleException("challenge.too-many-criteria", Format(DomainText.TooManyCriteria, MaximumCriteria));
        }

        if (criteria.Select(criterion => criterion.Name.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Count() != criteria.Count)
        {
            throw new DomainRuleException("challenge.duplicate-criteria", DomainText.DuplicateCriteria);
        }

        if (IsPublished && criteria.Sum(criterion => criterion.Weight) != 100)
        {
            throw new DomainRuleException("challenge.weights", DomainText.WeightsMustAddUp);
        }

        _criteria = [.. criteria];
        UpdatedAt = now;
    }

    /// <summary>Chooses the licence creatives will accept. Only in a draft: published terms never change.</summary>
    public void ChooseLicence(Guid licenceVersionId, DateTimeOffset now)
    {
        if (Status != ChallengeStatus.Draft)
        {
            throw new DomainRuleException("challenge.licence-frozen", DomainText.LicenceFrozen);
        }

        LicenceVersionId = licenceVersionId;
        UpdatedAt = now;
    }

    /// <summary>Who may take part. Invite-only challenges list the creatives' addresses.</summary>
    public void SetAudience(ChallengeVisibility visibility, IEnumerable<string> invitedEmails, int maximumEntriesPerCreative, DateTimeOffset now)
    {
        EnsureStatus(DomainText.ChallengeAudienceLocked, ChallengeStatus.Draft, ChallengeStatus.Scheduled, ChallengeStatus.Open);
        if (maximumEntriesPerCreative < 1 || maximumEntriesPerCreative > MaximumEntriesPerCreativeLimit)
        {
            throw new DomainRuleException("challenge.invalid-entry-limit", Format(DomainText.EntryLimitInvalid, MaximumEntriesPerCreativeLimit));
        }

        var emails = (invitedEmails ?? []).Select(BrandInvitation.NormalizeEmail).Where(email => email.Length > 0)
            .Distinct(StringComparer.Ordinal).ToList();
        if (emails.Count > MaximumInvitations || emails.Exists(email => !email.Contains('@', StringComparison.Ordinal)))
        {
            throw new DomainRuleException("challenge.invalid-invitations", Format(DomainText.InvitationsInvalid, MaximumInvitations));
        }

        if (IsPublished)
        {
            // Published: the audience may only grow, so nobody loses a place they were promised.
            if (visibility == ChallengeVisibility.InviteOnly && (Visibility == ChallengeVisibility.Public || _invitedEmails.Except(emails).Any()))
            {
                throw new DomainRuleException("challenge.audience-narrowed", DomainText.AudienceCannotShrink);
            }

            if (maximumEntriesPerCreative < MaximumEntriesPerCreative)
            {
                throw new DomainRuleException("challenge.entry-limit-lowered", DomainText.EntryLimitCannotFall);
            }
        }

        Visibility = visibility;
        _invitedEmails = visibility == ChallengeVisibility.InviteOnly ? emails : [];
        MaximumEntriesPerCreative = maximumEntriesPerCreative;
        UpdatedAt = now;
    }

    /// <summary>
    /// Sets the dates. In a draft, any dates (the checklist judges their order). Once published: the opening
    /// stays once passed, the submission and judging deadlines may move later but never earlier.
    /// </summary>
    public void SetSchedule(DateTimeOffset? opensAt, DateTimeOffset? deadline, DateTimeOffset? judgingDeadline, DateTimeOffset now)
    {
        EnsureStatus(DomainText.ChallengeScheduleLocked, ChallengeStatus.Draft, ChallengeStatus.Scheduled, ChallengeStatus.Open, ChallengeStatus.Judging);
        (opensAt, deadline, judgingDeadline) = (AsStored(opensAt, SubmissionOpensAt), AsStored(deadline, SubmissionDeadline), AsStored(judgingDeadline, JudgingDeadline));
        if (IsPublished)
        {
            if (opensAt is null || deadline is null || judgingDeadline is null)
            {
                throw new DomainRuleException("challenge.schedule-required", DomainText.ScheduleIncomplete);
            }

            if (opensAt != SubmissionOpensAt && (Status != ChallengeStatus.Scheduled || opensAt < now))
            {
                throw new DomainRuleException("challenge.opening-fixed", DomainText.OpeningFixed);
            }

            if (deadline < SubmissionDeadline || (Status == ChallengeStatus.Judging && deadline != SubmissionDeadline))
            {
                throw new DomainRuleException("challenge.deadline-shortened", DomainText.DeadlineCannotShorten);
            }

            if (judgingDeadline < JudgingDeadline)
            {
                throw new DomainRuleException("challenge.judging-shortened", DomainText.JudgingDeadlineCannotShorten);
            }

            if (!(opensAt < deadline && deadline < judgingDeadline))
            {
                throw new DomainRuleException("challenge.schedule-order", DomainText.ScheduleOutOfOrder);
            }
        }

        SubmissionOpensAt = opensAt;
        SubmissionDeadline = deadline;
        JudgingDeadline = judgingDeadline;
        UpdatedAt = now;
    }

    /// <summary>What is missing before the draft can be sent for review; empty when it is ready.</summary>
    public IReadOnlyList<PublishCheck> PublishChecks(DateTimeOffset now)
    {
        var missing = new List<PublishCheck>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            missing.Add(PublishCheck.Title);
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            missing.Add(PublishCheck.Summary);
        }

        if (string.IsNullOrWhiteSpace(Brief))
        {
            missing.Add(PublishCheck.Brief);
        }

        if (Category is null)
        {
            missing.Add(PublishCheck.Category);
        }

        if (_prizeTiers.Count == 0)
        {
            missing.Add(PublishCheck.Prizes);
        }

        if (_criteria.Count == 0 || _criteria.Sum(criterion => criterion.Weight) != 100)
        {
            missing.Add(PublishCheck.Criteria);
        }

        if (LicenceVersionId is null)
        {
            missing.Add(PublishCheck.Licence);
        }

        if (!ScheduleIsSound(now))
        {
            missing.Add(PublishCheck.Schedule);
        }

        if (Visibility == ChallengeVisibility.InviteOnly && _invitedEmails.Count == 0)
        {
            missing.Add(PublishCheck.Invitations);
        }

        return missing;
    }

    public void SubmitForReview(DateTimeOffset now)
    {
        EnsureStatus(DomainText.OnlyDraftsGoToReview, ChallengeStatus.Draft);
        if (PublishChecks(now).Count > 0)
        {
            throw new DomainRuleException("challenge.incomplete", DomainText.ChallengeIncomplete);
        }

        Status = ChallengeStatus.InReview;
        UpdatedAt = now;
    }

    /// <summary>The brand takes a challenge back from review to change it.</summary>
    public void WithdrawFromReview(DateTimeOffset now)
    {
        EnsureStatus(DomainText.NotInReview, ChallengeStatus.InReview);
        Status = ChallengeStatus.Draft;
        UpdatedAt = now;
    }

    /// <summary>A moderator publishes, once the prizes are funded: scheduled until it opens, or open at once.</summary>
    public ChallengeTransition Approve(DateTimeOffset now)
    {
        EnsureStatus(DomainText.NotInReview, ChallengeStatus.InReview);
        if (!ScheduleIsSound(now))
        {
            throw new DomainRuleException("challenge.schedule-stale", DomainText.ScheduleStale);
        }

        if (!IsPrizeFunded)
        {
            throw new DomainRuleException("challenge.not-funded", DomainText.PrizesNotFunded);
        }

        var from = Status;
        Status = SubmissionOpensAt <= now ? ChallengeStatus.Open : ChallengeStatus.Scheduled;
        RejectionReason = null;
        PublishedAt = now;
        UpdatedAt = now;
        return new ChallengeTransition(from, Status, now);
    }

    /// <summary>A moderator sends the challenge back to the brand, saying why.</summary>
    public ChallengeTransition Reject(string reason, DateTimeOffset now)
    {
        EnsureStatus(DomainText.NotInReview, ChallengeStatus.InReview);
        RejectionReason = RequireReason(reason);
        Status = ChallengeStatus.Draft;
        UpdatedAt = now;
        return new ChallengeTransition(ChallengeStatus.InReview, ChallengeStatus.Draft, now);
    }

    /// <summary>
    /// A moderator stops a challenge before judging, saying why. Not once a creative has entered: from then on the
    /// prizes are guaranteed (product.md).
    /// </summary>
    public ChallengeTransition Cancel(string reason, bool hasEntries, DateTimeOffset now)
    {
        EnsureStatus(DomainText.CannotCancel, ChallengeStatus.InReview, ChallengeStatus.Scheduled, ChallengeStatus.Open);
        if (hasEntries)
        {
            throw new DomainRuleException("challenge.has-entries", DomainText.CannotCancelWithEntries);
        }

        var from = Status;
        CancellationReason = RequireReason(reason);
        Status = ChallengeStatus.Cancelled;
        UpdatedAt = now;
        return new ChallengeTransition(from, ChallengeStatus.Cancelled, now);
    }

    /// <summary>
    /// Moves the challenge along with time: it opens at its opening date and goes to judging at its deadline.
    /// Returns the transitions made (none when nothing was due).
    /// </summary>
    public IReadOnlyList<ChallengeTransition> AdvanceWithTime(DateTimeOffset now)
    {
        var transitions = new List<ChallengeTransition>();
        if (Status == ChallengeStatus.Scheduled && SubmissionOpensAt <= now)
        {
            transitions.Add(new ChallengeTransition(Status, ChallengeStatus.Open, SubmissionOpensAt.Value));
            Status = ChallengeStatus.Open;
        }

        if (Status == ChallengeStatus.Open && SubmissionDeadline <= now)
        {
            transitions.Add(new ChallengeTransition(Status, ChallengeStatus.Judging, SubmissionDeadline.Value));
            Status = ChallengeStatus.Judging;
        }

        if (transitions.Count > 0)
        {
            UpdatedAt = now;
        }

        return transitions;
    }

    /// <summary>Adds a file for creatives. Allowed while the brief can still change (draft, scheduled, open).</summary>
    public ChallengeAsset AddAsset(StoredFile file, int maximumAssets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!IsBeforeJudging)
        {
            throw new DomainRuleException("challenge.wrong-status", DomainText.ChallengeAssetsLocked);
        }
        if (_assets.Count >= maximumAssets)
        {
            throw new DomainRuleException("challenge.too-many-assets", Format(DomainText.ChallengeTooManyAssets, maximumAssets));
        }

        var asset = ChallengeAsset.For(Id, file, now);
        _assets.Add(asset);
        UpdatedAt = now;
        return asset;
    }

    /// <summary>
    /// Replaces the cover image (and its small copy for cards). A cover is presentation, not part of the terms: it may
    /// change in any status but a cancelled challenge's. Returns the stored files no longer used.
    /// </summary>
    public IReadOnlyList<Guid> ReplaceCover(Guid coverFileId, Guid? thumbnailFileId, DateTimeOffset now)
    {
        if (Status == ChallengeStatus.Cancelled)
        {
            throw new DomainRuleException("challenge.wrong-status", DomainText.ChallengeCoverLocked);
        }

        List<Guid> replaced = [.. new[] { CoverFileId, CoverThumbnailFileId }.OfType<Guid>()];
        CoverFileId = coverFileId;
        CoverThumbnailFileId = thumbnailFileId;
        UpdatedAt = now;
        return replaced;
    }

    /// <summary>Removes a file for creatives, under the same conditions as adding one. Returns what was removed.</summary>
    public ChallengeAsset RemoveAsset(Guid assetId, DateTimeOffset now)
    {
        if (!IsBeforeJudging)
        {
            throw new DomainRuleException("challenge.wrong-status", DomainText.ChallengeAssetsLocked);
        }
        var asset = _assets.Find(candidate => candidate.Id == assetId)
            ?? throw new DomainRuleException("challenge.asset-missing", DomainText.ChallengeAssetMissing);
        _assets.Remove(asset);
        UpdatedAt = now;
        return asset;
    }

    /// <summary>
    /// Sets the optional public vote: it opens at the submission deadline and closes at <paramref name="closesAt"/>,
    /// no later than the judging deadline, so the people's choice is known when the winners are announced. Once
    /// published, a vote may be added or extended and its prize raised, never removed, shortened or lowered.
    /// </summary>
    public void SetPublicVote(DateTimeOffset? closesAt, decimal? peoplesChoicePrize, bool hasEntries, DateTimeOffset now)
    {
        if (!IsBeforeJudging)
        {
            throw new DomainRuleException("challenge.wrong-status", DomainText.PublicVoteLocked);
        }

        closesAt = AsStored(closesAt, PublicVoteClosesAt);
        if (hasEntries && (closesAt != PublicVoteClosesAt || peoplesChoicePrize != PeoplesChoicePrize))
        {
            // Creatives entered knowing whether their work would be shown to voters: the vote is fixed from the first entry.
            throw new DomainRuleException("challenge.vote-frozen", DomainText.PublicVoteFrozen);
        }

        if (closesAt is null && peoplesChoicePrize is not null)
        {
            throw new DomainRuleException("challenge.vote-prize-without-vote", DomainText.PeoplesChoiceNeedsVote);
        }

        if (peoplesChoicePrize is { } amount)
        {
            _ = new Money(amount, PrizeCurrency ?? Money.DefaultCurrency); // checks the amount
        }

        if (closesAt is { } closes && SubmissionDeadline is { } deadline && JudgingDeadline is { } judging && !(deadline < closes && closes <= judging))
        {
            throw new DomainRuleException("challenge.vote-window", DomainText.PublicVoteWindowInvalid);
        }

        if (IsPublished && (closesAt < PublicVoteClosesAt || (PublicVoteClosesAt is not null && closesAt is null)
            || peoplesChoicePrize < PeoplesChoicePrize || (PeoplesChoicePrize is not null && peoplesChoicePrize is null)))
        {
            throw new DomainRuleException("challenge.vote-reduced", DomainText.PublicVoteCannotShrink);
        }

        EnsurePoolFitsFunding(TotalPrize + (peoplesChoicePrize ?? 0) + (RunnerUpPool ?? 0), PrizeCurrency);
        PublicVoteClosesAt = closesAt;
        PeoplesChoicePrize = peoplesChoicePrize;
        RefreshFunding(now);
        UpdatedAt = now;
    }

    /// <summary>
    /// The challenge form gives times to the minute: a time within the same minute as the stored one is the stored one
    /// (the demo and the clock store seconds), so saving the form unchanged changes no date.
    /// </summary>
    private static DateTimeOffset? AsStored(DateTimeOffset? given, DateTimeOffset? stored) =>
        given is { } value && stored is { } current && value.UtcTicks / TimeSpan.TicksPerMinute == current.UtcTicks / TimeSpan.TicksPerMinute
            ? current
            : given;

    /// <summary>Whether signed-in people may vote now: from the submission deadline until the vote closes.</summary>
    public bool IsVoteOpen(DateTimeOffset now) =>
        PublicVoteClosesAt is { } closes && Status == ChallengeStatus.Judging && !IsRankingLocked
        && SubmissionDeadline <= now && now < closes;

    /// <summary>Tallies stay hidden while people vote, so nobody follows the crowd.</summary>
    public bool AreVoteTalliesVisible(DateTimeOffset now) => PublicVoteClosesAt is { } closes && now >= closes;

    /// <summary>Moderators choose whether the panel sees the authors' names. Until the ranking is locked.</summary>
    public void SetBlindJudging(bool blind, DateTimeOffset now)
    {
        if (!IsPublished || IsRankingLocked)
        {
            throw new DomainRuleException("challenge.panel-closed", DomainText.PanelClosed);
        }

        BlindJudging = blind;
        UpdatedAt = now;
    }

    /// <summary>
    /// The brand promises feedback during the contest, or not. A draft may change its mind; once published the promise
    /// may be made until judging starts but never taken back: creatives entered on it.
    /// </summary>
    public void PromiseFeedback(bool gives, DateTimeOffset now)
    {
        if (gives == GivesFeedbackDuringContest)
        {
            return;
        }

        if (IsPublished && (!gives || !IsBeforeJudging))
        {
            throw new DomainRuleException("challenge.feedback-promise-kept", DomainText.FeedbackPromiseKept);
        }

        GivesFeedbackDuringContest = gives;
        UpdatedAt = now;
    }

    /// <summary>Whether followers should now hear that the deadline is less than a day away.</summary>
    public bool IsDeadlineReminderDue(DateTimeOffset now) =>
        Status == ChallengeStatus.Open && DeadlineReminderSentAt is null && SubmissionDeadline - now <= DeadlineReminderNotice && now < SubmissionDeadline;

    public void MarkDeadlineReminderSent(DateTimeOffset now) => DeadlineReminderSentAt = now;

    /// <summary>
    /// The brand's Owner chooses one approved entry per prize tier (every tier, or as many as there are approved
    /// entries). The choice waits for a moderator's confirmation and may be changed until then.
    /// </summary>
    public void SelectWinners(IReadOnlyList<WinnerPick> picks, IReadOnlyCollection<Entry> approvedEntries, string ownerUserId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerUserId);
        if (WinnerChoiceRefusal(now) is { } refusal)
        {
            throw refusal;
        }

        _winnerSelection = ValidatedPicks(picks, approvedEntries);
        WinnersSelectedByUserId = ownerUserId;
        WinnersSelectedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// A moderator confirms the brand's choice: the awards are decided, the ranking is locked and the results are
    /// announced. The selection is checked again (an entry may have been rejected since it was chosen).
    /// </summary>
    public IReadOnlyList<Award> ConfirmWinners(
        IReadOnlyCollection<Entry> approvedEntries, EntryId? peoplesChoice, string moderatorUserId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moderatorUserId);
        if (ConfirmationRefusal(now) is { } refusal)
        {
            throw refusal;
        }

        var picks = ValidatedPicks(_winnerSelection, approvedEntries);
        var awards = picks
            .Select(pick => Award.Decide(this, pick.Rank, _prizeTiers[pick.Rank - 1].Prize, pick.EntryId, AwardMethod.BrandChoice,
                WinnersSelectedByUserId, moderatorUserId, now))
            .ToList();
        return Announce(awards, peoplesChoice, now);
    }

    /// <summary>
    /// The judging deadline passed without confirmed winners: the panel's ranking decides (highest weighted score per
    /// tier, ties and unscored entries broken by earlier submission), so the prizes are awarded all the same.
    /// </summary>
    public IReadOnlyList<Award> AwardByRanking(
        IReadOnlyList<RankedEntry> ranking, IReadOnlyCollection<Entry> approvedEntries, EntryId? peoplesChoice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(approvedEntries);
        EnsureChoosingWinners();
        if (!(JudgingDeadline <= now))
        {
            throw new DomainRuleException("challenge.judging-not-over", DomainText.JudgingNotOver);
        }

        if (approvedEntries.Count == 0)
        {
            throw new DomainRuleException("challenge.no-approved-entries", DomainText.NoApprovedEntries);
        }

        var scores = ranking.ToDictionary(row => row.EntryId, row => row.Score);
        var awards = approvedEntries
            .Where(entry => entry.ChallengeId == Id && entry.Status == EntryStatus.Approved)
            .OrderByDescending(entry => scores.GetValueOrDefault(entry.Id) ?? -1)
            .ThenBy(entry => entry.SubmittedAt)
            .Take(_prizeTiers.Count)
            .Select((entry, index) => Award.Decide(this, index + 1, _prizeTiers[index].Prize, entry.Id, AwardMethod.PanelRanking, null, null, now))
            .ToList();
        return Announce(awards, peoplesChoice, now);
    }

    /// <summary>The challenge is over once every award and every runner-up reward has been paid.</summary>
    public bool CompleteIfAllPaid(IReadOnlyCollection<Award> awards, IReadOnlyCollection<RunnerUpReward> runnerUps, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(awards);
        ArgumentNullException.ThrowIfNull(runnerUps);
        if (Status != ChallengeStatus.WinnersAnnounced || !AllPaid(awards, runnerUps))
        {
            return false;
        }

        Status = ChallengeStatus.Completed;
        CompletedAt = now;
        UpdatedAt = now;
        return true;
    }

    private List<Award> Announce(List<Award> awards, EntryId? peoplesChoice, DateTimeOffset now)
    {
        if (PeoplesChoicePrize is { } prize && peoplesChoice is { } voted)
        {
            awards.Add(Award.Decide(this, Award.PeoplesChoiceRank, new Money(prize, PrizeCurrency ?? Money.DefaultCurrency), voted,
                AwardMethod.PublicVote, null, null, now));
        }

        Status = ChallengeStatus.WinnersAnnounced;
        RankingLockedAt = now;
        ResultsAnnouncedAt = now;
        UpdatedAt = now;
        return awards;
    }

    private void EnsureChoosingWinners()
    {
        if (DecisionRefusal() is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>
    /// Whether the judges may score: only in judging (the challenge moves there at its submission deadline, when every
    /// entry is in, and the deadline no longer moves), until the ranking is locked.
    /// </summary>
    public bool CanScore => ScoringRefusal() is null;

    /// <summary>Throws when <see cref="CanScore"/> says no, saying why.</summary>
    public void EnsureCanScore()
    {
        if (ScoringRefusal() is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Whether the brand may choose (or change) its winners now: in judging, before the judging deadline, until the ranking is locked.</summary>
    public bool CanChooseWinners(DateTimeOffset now) => WinnerChoiceRefusal(now) is null;

    /// <summary>Whether a moderator may confirm the brand's choice now: the brand chose, the ranking is not locked and any public vote has closed.</summary>
    public bool CanConfirmWinners(DateTimeOffset now) => ConfirmationRefusal(now) is null;

    /// <summary>Whether the judging panel may change (join, leave): once published, until the ranking is locked.</summary>
    public bool IsPanelOpen => IsPublished && !IsRankingLocked;

    /// <summary>
    /// Whether the authors of entries are hidden from the brand and the judges: on a blind challenge, until the results
    /// are announced (then the winners are public).
    /// </summary>
    public bool HidesAuthors => BlindJudging && ResultsAnnouncedAt is null;

    private DomainRuleException? DecisionRefusal() =>
        Status != ChallengeStatus.Judging ? new DomainRuleException("challenge.wrong-status", DomainText.WinnersOnlyDuringJudging)
        : IsRankingLocked ? new DomainRuleException("challenge.ranking-locked", DomainText.RankingLocked)
        : null;

    private DomainRuleException? ScoringRefusal() =>
        Status != ChallengeStatus.Judging || IsRankingLocked
            ? new DomainRuleException("score.locked", DomainText.ScoringClosed)
            : null;

    // The brand's time to choose ends at the judging deadline: from then on the panel's ranking decides.
    private DomainRuleException? WinnerChoiceRefusal(DateTimeOffset now) =>
        DecisionRefusal() ?? (JudgingDeadline <= now ? new DomainRuleException("challenge.choice-too-late", DomainText.WinnerChoiceTooLate) : null);

    private DomainRuleException? ConfirmationRefusal(DateTimeOffset now) =>
        DecisionRefusal()
        ?? (_winnerSelection.Count == 0 ? new DomainRuleException("challenge.no-selection", DomainText.NoWinnerSelection)
        : PublicVoteClosesAt > now ? new DomainRuleException("challenge.vote-open", DomainText.VoteStillOpen)
        : null);

    private List<WinnerPick> ValidatedPicks(IReadOnlyList<WinnerPick> picks, IReadOnlyCollection<Entry> approvedEntries)
    {
        ArgumentNullException.ThrowIfNull(picks);
        ArgumentNullException.ThrowIfNull(approvedEntries);
        if (approvedEntries.Count == 0)
        {
            throw new DomainRuleException("challenge.no-approved-entries", DomainText.NoApprovedEntries);
        }

        var expected = Math.Min(_prizeTiers.Count, approvedEntries.Count);
        var ordered = picks.OrderBy(pick => pick.Rank).ToList();
        if (ordered.Count != expected || ordered.Select((pick, index) => pick.Rank != index + 1).Any(gap => gap))
        {
            throw new DomainRuleException("challenge.winners-incomplete", Format(DomainText.WinnersIncomplete, expected));
        }

        if (ordered.Select(pick => pick.EntryId).Distinct().Count() != ordered.Count)
        {
            throw new DomainRuleException("challenge.winner-twice", DomainText.WinnerTwice);
        }

        if (ordered.Exists(pick => !approvedEntries.Any(entry => entry.Id == pick.EntryId && entry.ChallengeId == Id && entry.Status == EntryStatus.Approved)))
        {
            throw new DomainRuleException("challenge.winner-not-approved", DomainText.WinnerNotApproved);
        }

        return ordered;
    }

    /// <summary>Whether creatives may submit, edit or withdraw entries now: open, between the opening and the deadline.</summary>
    public bool AcceptsEntries(DateTimeOffset now) =>
        Status == ChallengeStatus.Open && SubmissionOpensAt <= now && now < SubmissionDeadline;

    /// <summary>Whether creatives may ask the brand questions now: published and before the submission deadline.</summary>
    public bool AcceptsQuestions(DateTimeOffset now) =>
        Status is ChallengeStatus.Scheduled or ChallengeStatus.Open && now < SubmissionDeadline;

    /// <summary>Whether the brief's files may be added or removed (and the public vote set): until judging starts.</summary>
    public bool IsBeforeJudging => Status is ChallengeStatus.Draft or ChallengeStatus.Scheduled or ChallengeStatus.Open;

    public bool IsInvited(string email) =>
        Visibility == ChallengeVisibility.Public || _invitedEmails.Contains(BrandInvitation.NormalizeEmail(email));

    private bool ScheduleIsSound(DateTimeOffset now) =>
        SubmissionOpensAt is { } opens && SubmissionDeadline is { } deadline && JudgingDeadline is { } judging
        && opens < deadline && deadline < judging && deadline - now >= MinimumSubmissionWindow
        && (PublicVoteClosesAt is not { } vote || (deadline < vote && vote <= judging));

    private void EnsureStatus(string message, params ChallengeStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainRuleException("challenge.wrong-status", message);
        }
    }

    private static string RequireReason(string reason)
    {
        var text = (reason ?? string.Empty).Trim();
        return text.Length is >= 10 and <= 2000
            ? text
            : throw new DomainRuleException("challenge.reason-required", DomainText.ReasonRequired);
    }

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
}
