namespace Crowdsource.Domain.Notifications;

/// <summary>What a notification is about; each person chooses which kinds also reach them by e-mail.</summary>
public enum NotificationKind
{
    ChallengeApproved,
    ChallengeRejected,
    EntryApproved,
    EntryChangesRequested,
    EntryRejected,
    DeadlineSoon,
    JudgingStarted,
    ResultsAnnounced,
    AwardPaid,
    ReportReceived,
    WinnersChosen,
    PrizeWon,

    /// <summary>A new challenge matches one of the person's saved searches (by e-mail only in the daily digest the search chooses).</summary>
    SavedSearchMatched,

    /// <summary>A brand recorded a transfer funding a challenge's prizes (for admins, who check it arrived).</summary>
    PrizeTransferRecorded,

    /// <summary>An admin confirmed a transfer, and the pool is not yet covered (prizes raised meanwhile).</summary>
    PrizeTransferConfirmed,

    /// <summary>An admin confirmed the transfer that covers the whole prize pool.</summary>
    PrizeFunded,

    PrizeTransferRefused,
    PrizeFundsReturned,

    /// <summary>The brand rated the person's entry while the challenge is open (and may have left a comment).</summary>
    EntryRated,

    /// <summary>A brand made an offer on the person's entry that did not win.</summary>
    OfferReceived,

    /// <summary>The brand took back its offer on the person's entry.</summary>
    OfferWithdrawn,

    /// <summary>The creative accepted the brand's offer (for the brand's Owners).</summary>
    OfferAccepted,

    /// <summary>The creative declined the brand's offer (for the brand's Owners).</summary>
    OfferDeclined,

    /// <summary>An accepted offer awaits the brand's payment (for admins, who record it).</summary>
    OfferToPay,

    /// <summary>The brand's payment of an accepted offer was recorded: the licence passed (for the creative and the brand).</summary>
    OfferPaid,
    /// <summary>An admin paid the runner-up reward of the person's entry (or one of the brand's challenge).</summary>
    RunnerUpRewardPaid,
}

public static class NotificationKinds
{
    /// <summary>The kinds a person chooses e-mail for, kind by kind (saved-search matches have their digest instead).</summary>
    public static IReadOnlyList<NotificationKind> WithEmailChoice { get; } =
        [.. Enum.GetValues<NotificationKind>().Where(kind => kind != NotificationKind.SavedSearchMatched)];
}

/// <summary>
/// A message in a person's notification centre. It stores what happened (kind, the title it is about, a link inside
/// the site) rather than a sentence, so it reads in the reader's language whenever they open it.
/// </summary>
public sealed class Notification
{
    public const int SubjectMaximumLength = 200;
    public const int LinkMaximumLength = 300;

    private Notification()
    {
        UserId = Subject = Link = string.Empty;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>The title of the challenge or entry it is about.</summary>
    public string Subject { get; private set; }

    /// <summary>A path inside the site, starting with "/".</summary>
    public string Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public static Notification To(string userId, NotificationKind kind, string subject, string link, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(link);
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.Length > LinkMaximumLength)
        {
            throw new ArgumentException("A notification links to a page of the site.", nameof(link));
        }

        var text = (subject ?? string.Empty).Trim();
        return new Notification
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Kind = kind,
            Subject = text.Length > SubjectMaximumLength ? text[..SubjectMaximumLength] : text,
            Link = link,
            CreatedAt = now,
        };
    }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

/// <summary>A person's choice for one kind of notification: whether it also comes by e-mail. No row means yes.</summary>
public sealed class NotificationPreference
{
    private NotificationPreference()
    {
        UserId = string.Empty;
    }

    public string UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public bool ByEmail { get; private set; }

    public static NotificationPreference Of(string userId, NotificationKind kind, bool byEmail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new NotificationPreference { UserId = userId, Kind = kind, ByEmail = byEmail };
    }

    public void Change(bool byEmail) => ByEmail = byEmail;
}
