using System.Globalization;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Files;
using Crowdsource.Domain.Licensing;

namespace Crowdsource.Domain.Entries;

/// <summary>
/// A creative's entry in a challenge: title, description, files, and the licence acceptance that says what the brand
/// gets if the entry wins and the prize is paid. Until the deadline its author may edit it or withdraw it; every
/// change of files is recorded against the acceptance, and a new licence version needs a new acceptance.
/// </summary>
public sealed class Entry
{
    public const int TitleMaximumLength = 120;
    public const int DescriptionMaximumLength = 4000;
    public const int ScreeningMessageMaximumLength = 2000;

    private readonly List<EntryFile> _files = [];
    private readonly List<LicenceAcceptance> _acceptances = [];
    private readonly List<EntryFilesRecord> _fileRecords = [];

    private Entry()
    {
        CreativeUserId = Title = Description = string.Empty;
    }

    public EntryId Id { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    public string CreativeUserId { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public EntryStatus Status { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>When the author last changed the title, description or files after submitting (null: never revised).</summary>
    public DateTimeOffset? RevisedAt { get; private set; }

    /// <summary>What the moderator told the creative with their last decision (changes to make, or why it was rejected).</summary>
    public string? ScreeningMessage { get; private set; }

    public string? ScreenedByUserId { get; private set; }

    public DateTimeOffset? ScreenedAt { get; private set; }

    /// <summary>The judges' shortlist: an approved entry they want the brand to look at first.</summary>
    public bool IsShortlisted { get; private set; }

    /// <summary>
    /// When the author showed the entry on their public portfolio. Only after results; until then it is null and the
    /// entry stays private (product.md, Visibility).
    /// </summary>
    public DateTimeOffset? PublishedToPortfolioAt { get; private set; }

    /// <summary>Whether the brand may make an offer on the entry after the results if it does not win; its author decides (on by default).</summary>
    public bool AcceptsOffers { get; private set; } = true;

    /// <summary>Chosen by the submit form: the same form sent twice makes one entry.</summary>
    public Guid SubmissionKey { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<EntryFile> Files => _files;

    public IReadOnlyList<LicenceAcceptance> Acceptances => _acceptances;

    public IReadOnlyList<EntryFilesRecord> FileRecords => _fileRecords;

    /// <summary>The files as last recorded against the acceptance: what the licence receipt lists.</summary>
    public EntryFilesRecord LatestFileRecord => _fileRecords.MaxBy(record => record.Sequence)!;

    /// <summary>The acceptance in force: the latest one.</summary>
    public LicenceAcceptance CurrentAcceptance => _acceptances[^1];

    /// <summary>The picture that stands for the entry on the public vote's ballot: its first image, if it has one.</summary>
    public EntryFile? BallotPicture => _files.Where(file => file.IsImage).MinBy(file => file.Position);

    /// <summary>Entries that count towards a creative's limit and take part in judging.</summary>
    public bool IsActive => Status != EntryStatus.Withdrawn;

    public static Entry Submit(
        Challenge challenge, string creativeUserId, EntryText text, IReadOnlyList<StoredFile> files, int maximumFiles,
        LicenceConsent consent, int activeEntriesOfCreative, Guid submissionKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentException.ThrowIfNullOrWhiteSpace(creativeUserId);
        EnsureOpen(challenge, now);
        EnsureConsent(challenge, consent);
        if (activeEntriesOfCreative >= challenge.MaximumEntriesPerCreative)
        {
            throw new DomainRuleException("entry.limit-reached",
                string.Format(CultureInfo.CurrentCulture, DomainText.EntryLimitReached, challenge.MaximumEntriesPerCreative));
        }

        var entry = new Entry
        {
            Id = EntryId.New(now),
            ChallengeId = challenge.Id,
            CreativeUserId = creativeUserId,
            Status = EntryStatus.Submitted,
            SubmittedAt = now,
            SubmissionKey = submissionKey,
        };
        entry.Describe(text, now);
        entry.ReplaceFiles(files, maximumFiles, now);
        entry._acceptances.Add(LicenceAcceptance.Record(entry.Id, creativeUserId, consent.Licence.Id, consent.Licence.TextSha256, now,
            consent.IpAddress, consent.UserAgent));
        entry._fileRecords.Add(EntryFilesRecord.Of(entry.CurrentAcceptance, entry._files, 1, now));
        return entry;
    }

    /// <summary>
    /// The author changes the entry before the deadline. New files (when given) replace the old ones and are recorded
    /// against the acceptance; if the challenge's licence is no longer the accepted one, a new consent is required.
    /// Returns the stored files no longer used, for the caller to delete.
    /// </summary>
    public IReadOnlyList<Guid> Edit(Challenge challenge, EntryText text, IReadOnlyList<StoredFile>? newFiles, int maximumFiles,
        LicenceConsent? consent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        EnsureChangeable(challenge, now);
        var licenceChanged = challenge.LicenceVersionId != CurrentAcceptance.LicenceVersionId;
        if (licenceChanged)
        {
            if (consent is null)
            {
                throw new DomainRuleException("entry.licence-changed", DomainText.EntryLicenceChanged);
            }

            EnsureConsent(challenge, consent);
            _acceptances.Add(LicenceAcceptance.Record(Id, CreativeUserId, consent.Licence.Id, consent.Licence.TextSha256, now,
                consent.IpAddress, consent.UserAgent));
        }

        var (previousTitle, previousDescription) = (Title, Description);
        Describe(text, now);
        var removed = new List<Guid>();
        if (newFiles is not null)
        {
            removed.AddRange(_files.SelectMany(file => file.StoredFileIds));
            ReplaceFiles(newFiles, maximumFiles, now);
        }

        if (newFiles is not null || licenceChanged)
        {
            _fileRecords.Add(EntryFilesRecord.Of(CurrentAcceptance, _files, _fileRecords.Count + 1, now));
        }

        var changed = newFiles is not null || Title != previousTitle || Description != previousDescription;
        if (changed)
        {
            RevisedAt = now;
        }

        if (Status == EntryStatus.ChangesRequested || (changed && EditingSendsBackToScreening))
        {
            // Back in the moderators' queue, where the new files meet the duplicate check: what was approved is not what is sent now.
            Status = EntryStatus.Submitted;
            IsShortlisted = false;
        }

        return removed;
    }

    /// <summary>
    /// Whether changing the title, description or files now sends the entry back to screening: an approved (or
    /// shortlisted) entry was approved as it was. Withdrawn and rejected entries cannot be edited at all.
    /// </summary>
    public bool EditingSendsBackToScreening => Status == EntryStatus.Approved;

    /// <summary>Links a preview to the entry's file stored as <paramref name="fileId"/>.</summary>
    public void AttachThumbnail(Guid fileId, Guid thumbnailFileId) =>
        (_files.Find(file => file.FileId == fileId) ?? throw new ArgumentException("Not a file of this entry.", nameof(fileId)))
            .AttachThumbnail(thumbnailFileId);

    /// <summary>The author takes the entry out of judging before the deadline. Its records stay.</summary>
    public void Withdraw(Challenge challenge, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        EnsureChangeable(challenge, now);
        Status = EntryStatus.Withdrawn;
        WithdrawnAt = now;
        UpdatedAt = now;
    }

    /// <summary>A moderator lets the entry into judging. Allowed until the results are announced.</summary>
    public void Approve(Challenge challenge, string moderatorUserId, DateTimeOffset now)
    {
        EnsureScreenable(challenge, EntryStatus.Submitted, EntryStatus.ChangesRequested, EntryStatus.Rejected);
        Screen(EntryStatus.Approved, null, moderatorUserId, now);
    }

    /// <summary>
    /// A moderator asks the author to change the entry; only while submissions are open, since the author must be
    /// able to edit. The entry goes back to the queue when the author edits it.
    /// </summary>
    public void RequestChanges(Challenge challenge, string message, string moderatorUserId, DateTimeOffset now)
    {
        EnsureScreenable(challenge, EntryStatus.Submitted, EntryStatus.Approved);
        if (!challenge.AcceptsEntries(now))
        {
            throw new DomainRuleException("entry.changes-too-late", DomainText.ChangesTooLate);
        }

        Screen(EntryStatus.ChangesRequested, RequireMessage(message), moderatorUserId, now);
        IsShortlisted = false;
    }

    /// <summary>A moderator keeps the entry out of judging, with a reason the author sees.</summary>
    public void Reject(Challenge challenge, string reason, string moderatorUserId, DateTimeOffset now)
    {
        EnsureScreenable(challenge, EntryStatus.Submitted, EntryStatus.ChangesRequested, EntryStatus.Approved);
        Screen(EntryStatus.Rejected, RequireMessage(reason), moderatorUserId, now);
        IsShortlisted = false;
    }

    /// <summary>The judges put an approved entry on (or take it off) the shortlist, until the ranking is locked.</summary>
    public void SetShortlisted(Challenge challenge, bool shortlisted)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (Status != EntryStatus.Approved || challenge.IsRankingLocked)
        {
            throw new DomainRuleException("entry.not-shortlistable", DomainText.EntryNotShortlistable);
        }

        IsShortlisted = shortlisted;
    }

    /// <summary>
    /// The author shows the entry on their public portfolio, or hides it again. Only once the results are out, so
    /// nothing is public before the judging is over.
    /// </summary>
    public void ShowOnPortfolio(Challenge challenge, bool show, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (challenge.ResultsAnnouncedAt is null || Status == EntryStatus.Withdrawn || _files.Count == 0)
        {
            throw new DomainRuleException("entry.not-publishable", DomainText.EntryNotPublishable);
        }

        PublishedToPortfolioAt = show ? PublishedToPortfolioAt ?? now : null;
    }

    /// <summary>The author lets the brand make offers on the entry, or not. Offers already made stay as they are.</summary>
    public void SetAcceptsOffers(bool accepts, DateTimeOffset now)
    {
        if (AcceptsOffers != accepts)
        {
            AcceptsOffers = accepts;
            UpdatedAt = now;
        }
    }

    /// <summary>
    /// The author deleted their account: the entry leaves a challenge that is still running, and its files go, unless
    /// the entry won a prize (the brand's rights and the results page rest on them). The entry row and its acceptance
    /// records stay as proof (without personal data). Returns the stored files to delete.
    /// </summary>
    public IReadOnlyList<Guid> DetachFromDeletedAccount(bool challengeStillRunning, bool awarded, DateTimeOffset now)
    {
        if (challengeStillRunning && Status != EntryStatus.Withdrawn)
        {
            Status = EntryStatus.Withdrawn;
            WithdrawnAt = now;
        }

        PublishedToPortfolioAt = null;
        UpdatedAt = now;
        if (awarded)
        {
            return [];
        }

        var removed = _files.SelectMany(file => file.StoredFileIds).ToList();
        _files.Clear();
        return removed;
    }

    private void EnsureScreenable(Challenge challenge, params EntryStatus[] from)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (challenge.Id != ChallengeId)
        {
            throw new ArgumentException("The challenge of another entry.", nameof(challenge));
        }

        if (challenge.Status is not (ChallengeStatus.Open or ChallengeStatus.Judging) || challenge.IsRankingLocked)
        {
            throw new DomainRuleException("entry.screening-closed", DomainText.ScreeningClosed);
        }

        if (!from.Contains(Status))
        {
            throw new DomainRuleException("entry.wrong-status", DomainText.EntryScreeningNotAllowed);
        }
    }

    private void Screen(EntryStatus status, string? message, string moderatorUserId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moderatorUserId);
        Status = status;
        ScreeningMessage = message;
        ScreenedByUserId = moderatorUserId;
        ScreenedAt = now;
        UpdatedAt = now;
    }

    private static string RequireMessage(string message)
    {
        var text = (message ?? string.Empty).Trim();
        return text.Length is >= 10 and <= ScreeningMessageMaximumLength
            ? text
            : throw new DomainRuleException("entry.message-required",
                string.Format(CultureInfo.CurrentCulture, DomainText.ScreeningMessageRequired, ScreeningMessageMaximumLength));
    }

    private void EnsureChangeable(Challenge challenge, DateTimeOffset now)
    {
        if (challenge.Id != ChallengeId)
        {
            throw new ArgumentException("The challenge of another entry.", nameof(challenge));
        }

        if (Status is EntryStatus.Withdrawn or EntryStatus.Rejected)
        {
            throw new DomainRuleException("entry.not-changeable", DomainText.EntryNotChangeable);
        }

        EnsureOpen(challenge, now);
    }

    private static void EnsureOpen(Challenge challenge, DateTimeOffset now)
    {
        if (!challenge.AcceptsEntries(now))
        {
            throw new DomainRuleException("entry.closed", DomainText.EntriesClosed);
        }
    }

    private static void EnsureConsent(Challenge challenge, LicenceConsent consent)
    {
        if (!consent.AcceptedLicence || !consent.DeclaredOriginal)
        {
            throw new DomainRuleException("entry.consent-required", DomainText.EntryConsentRequired);
        }

        // The creative agreed to the version the page showed; it must be the challenge's, to the byte.
        if (consent.Licence.Id != challenge.LicenceVersionId || consent.AcceptedLicenceVersionId != consent.Licence.Id)
        {
            throw new DomainRuleException("entry.licence-mismatch", DomainText.EntryLicenceChanged);
        }
    }

    private void Describe(EntryText text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var title = (text.Title ?? string.Empty).Trim();
        var description = (text.Description ?? string.Empty).Trim();
        if (title.Length is 0 or > TitleMaximumLength || description.Length > DescriptionMaximumLength)
        {
            throw new DomainRuleException("entry.invalid-text",
                string.Format(CultureInfo.CurrentCulture, DomainText.EntryTextInvalid, TitleMaximumLength, DescriptionMaximumLength));
        }

        Title = title;
        Description = description;
        UpdatedAt = now;
    }

    private void ReplaceFiles(IReadOnlyList<StoredFile> files, int maximumFiles, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0 || files.Count > maximumFiles)
        {
            throw new DomainRuleException("entry.file-count",
                string.Format(CultureInfo.CurrentCulture, DomainText.EntryFileCount, maximumFiles));
        }

        _files.Clear();
        _files.AddRange(files.Select((file, position) => EntryFile.From(Id, file, position, now)));
    }
}

/// <summary>What the creative wrote about the entry.</summary>
public sealed record EntryText(string Title, string? Description);

/// <summary>
/// The creative's consent as the form sent it: the licence version they were shown (its id) and the two ticks; with the
/// licence as stored, and where the request came from, for the acceptance record.
/// </summary>
public sealed record LicenceConsent(
    LicenceVersion Licence, Guid AcceptedLicenceVersionId, bool AcceptedLicence, bool DeclaredOriginal, string? IpAddress, string? UserAgent);
