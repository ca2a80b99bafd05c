namespace Crowdsource.Domain.Challenges;

/// <summary>
/// A search of the challenge list that a creative keeps, to hear of the challenges published after it that match:
/// in their notification centre, and in a daily e-mail digest if they chose it. Each of the two keeps how far it has
/// looked (a moment of publication), so no challenge is announced twice and none is skipped.
/// </summary>
public sealed class SavedSearch
{
    public const int NameMaximumLength = 80;
    public const int TextMaximumLength = 200;
    public const int BrandMaximumLength = 100;

    /// <summary>How many searches one person may keep: enough for every interest, not a way to flood the clock.</summary>
    public const int MaximumPerPerson = 20;

    /// <summary>How often the digest of one person's searches goes out.</summary>
    public static readonly TimeSpan DigestInterval = TimeSpan.FromDays(1);

    private SavedSearch()
    {
        UserId = Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The words searched for, as typed in the list's search field.</summary>
    public string? Text { get; private set; }

    public ChallengeCategory? Category { get; private set; }

    public decimal? MinimumPrize { get; private set; }

    public decimal? MaximumPrize { get; private set; }

    /// <summary>The slug of the one brand searched, if any.</summary>
    public string? Brand { get; private set; }

    public bool EmailDigest { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Challenges published up to this moment have been notified.</summary>
    public DateTimeOffset NotifiedUpTo { get; private set; }

    /// <summary>Challenges published up to this moment have been in a digest (or published before the digest was chosen).</summary>
    public DateTimeOffset DigestedUpTo { get; private set; }

    public static SavedSearch Create(
        string userId, string name, string? text, ChallengeCategory? category, decimal? minimumPrize, decimal? maximumPrize, string? brand,
        bool emailDigest, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new SavedSearch
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = name.Trim(),
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            Category = category,
            MinimumPrize = minimumPrize,
            MaximumPrize = maximumPrize,
            Brand = string.IsNullOrWhiteSpace(brand) ? null : brand.Trim(),
            EmailDigest = emailDigest,
            CreatedAt = now,
            NotifiedUpTo = now,
            DigestedUpTo = now,
        };
    }

    /// <summary>Turns the daily digest on or off; turned on, it starts from now (not with everything since the search was saved).</summary>
    public void ChooseEmailDigest(bool emailDigest, DateTimeOffset now)
    {
        if (emailDigest && !EmailDigest)
        {
            DigestedUpTo = now;
        }

        EmailDigest = emailDigest;
    }

    public void MarkNotified(DateTimeOffset upTo)
    {
        if (upTo > NotifiedUpTo)
        {
            NotifiedUpTo = upTo;
        }
    }

    public void MarkDigested(DateTimeOffset upTo)
    {
        if (upTo > DigestedUpTo)
        {
            DigestedUpTo = upTo;
        }
    }

    /// <summary>Whether a day has passed since this search's last digest.</summary>
    public bool IsDigestDue(DateTimeOffset now) => EmailDigest && DigestedUpTo + DigestInterval <= now;
}
