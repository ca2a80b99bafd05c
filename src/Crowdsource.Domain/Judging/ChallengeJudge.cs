using Crowdsource.Domain.Challenges;

namespace Crowdsource.Domain.Judging;

/// <summary>A moderator on a challenge's judging panel. One row per judge and challenge.</summary>
public sealed class ChallengeJudge
{
    private ChallengeJudge()
    {
        JudgeUserId = AssignedByUserId = string.Empty;
    }

    public ChallengeId ChallengeId { get; private set; }

    public string JudgeUserId { get; private set; }

    public string AssignedByUserId { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    /// <summary>
    /// Puts a moderator on the panel. The caller checks they are a moderator; nobody with a conflict of interest (a
    /// member of the challenge's brand, someone who entered it) can judge it, and the panel is fixed once the ranking is locked.
    /// </summary>
    public static ChallengeJudge Assign(Challenge challenge, string judgeUserId, ConflictOfInterest judgeConflict, string assignedByUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(judgeConflict);
        ArgumentException.ThrowIfNullOrWhiteSpace(judgeUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(assignedByUserId);
        judgeConflict.EnsureMayJudge();

        if (!challenge.IsPanelOpen)
        {
            throw new Common.DomainRuleException("judge.panel-closed", DomainText.PanelClosed);
        }

        return new ChallengeJudge { ChallengeId = challenge.Id, JudgeUserId = judgeUserId, AssignedByUserId = assignedByUserId, AssignedAt = now };
    }

    /// <summary>A judge leaves the panel (or is taken off it): only until the ranking is locked, since the results rest on it.</summary>
    public void EnsureCanLeave(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (challenge.Id != ChallengeId)
        {
            throw new ArgumentException("The panel of another challenge.", nameof(challenge));
        }

        if (!challenge.IsPanelOpen)
        {
            throw new Common.DomainRuleException("judge.panel-closed", DomainText.PanelClosed);
        }
    }
}
