using System.Globalization;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Entries;

/// <summary>
/// The brand's feedback on an approved entry while the challenge is still open: 1 to 5 stars and an optional private
/// comment to its author, who may still revise the entry before the deadline. Each rating is kept as its own row, so
/// rating again adds a row (the latest is the one shown) and the history stays; the brand's public record counts them.
/// </summary>
public sealed class EntryRating
{
    public const int MinimumStars = 1;
    public const int MaximumStars = 5;
    public const int CommentMaximumLength = 2000;

    private EntryRating()
    {
        RatedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    public EntryId EntryId { get; private set; }

    /// <summary>The brand member who rated (Owner or Editor).</summary>
    public string RatedByUserId { get; private set; }

    public int Stars { get; private set; }

    /// <summary>Plain text for the author only; null when the brand left stars alone.</summary>
    public string? Comment { get; private set; }

    public DateTimeOffset RatedAt { get; private set; }

    /// <summary>
    /// Whether the brand may rate the entry now: an approved entry of an open challenge, before its deadline. The one
    /// rule, asked by the rating itself and by the pages that offer the form.
    /// </summary>
    public static bool IsAllowed(Challenge challenge, Entry entry, DateTimeOffset now) => Refusal(challenge, entry, now) is null;

    /// <summary>A brand member rates <paramref name="entry"/>; refused for an entry not approved or a challenge past its deadline.</summary>
    public static EntryRating Rate(Challenge challenge, Entry entry, string ratedByUserId, int stars, string? comment, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ratedByUserId);
        if (Refusal(challenge, entry, now) is { } refusal)
        {
            throw refusal;
        }

        if (stars is < MinimumStars or > MaximumStars)
        {
            throw new DomainRuleException("rating.invalid-stars",
                string.Format(CultureInfo.CurrentCulture, DomainText.RatingStarsInvalid, MinimumStars, MaximumStars));
        }

        var text = comment?.Trim();
        if (text?.Length > CommentMaximumLength)
        {
            throw new DomainRuleException("rating.comment-too-long",
                string.Format(CultureInfo.CurrentCulture, DomainText.RatingCommentTooLong, CommentMaximumLength));
        }

        return new EntryRating
        {
            Id = Guid.CreateVersion7(now),
            ChallengeId = challenge.Id,
            EntryId = entry.Id,
            RatedByUserId = ratedByUserId,
            Stars = stars,
            Comment = string.IsNullOrEmpty(text) ? null : text,
            RatedAt = now,
        };
    }

    /// <summary>Whether this rating says the same as <paramref name="stars"/> and <paramref name="comment"/> (a form sent twice).</summary>
    public bool Repeats(int stars, string? comment)
    {
        var text = comment?.Trim();
        return Stars == stars && string.Equals(Comment, string.IsNullOrEmpty(text) ? null : text, StringComparison.Ordinal);
    }

    private static DomainRuleException? Refusal(Challenge challenge, Entry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.ChallengeId != challenge.Id)
        {
            throw new ArgumentException("The challenge of another entry.", nameof(challenge));
        }

        if (!challenge.AcceptsEntries(now))
        {
            return new DomainRuleException("rating.closed", DomainText.RatingClosed);
        }

        return entry.Status == EntryStatus.Approved ? null : new DomainRuleException("rating.not-approved", DomainText.RatingNotApproved);
    }
}
