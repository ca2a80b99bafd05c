namespace Crowdsource.Domain.Challenges;

/// <summary>A change of status, for the audit trail.</summary>
public sealed record ChallengeTransition(ChallengeStatus From, ChallengeStatus To, DateTimeOffset At);
