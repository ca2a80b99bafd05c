namespace Crowdsource.Domain.Challenges;

/// <summary>Someone who wants to hear about a challenge (deadline reminders, results). One row per person and challenge.</summary>
public sealed class ChallengeFollower
{
    private ChallengeFollower()
    {
        UserId = string.Empty;
    }

    public ChallengeId ChallengeId { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset FollowedAt { get; private set; }

    public static ChallengeFollower Of(ChallengeId challengeId, string userId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new ChallengeFollower { ChallengeId = challengeId, UserId = userId, FollowedAt = now };
    }
}
