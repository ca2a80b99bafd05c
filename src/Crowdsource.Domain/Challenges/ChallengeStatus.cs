namespace Crowdsource.Domain.Challenges;

/// <summary>The lifecycle in product.md. Later statuses arrive with judging and awards.</summary>
public enum ChallengeStatus
{
    Draft,
    InReview,
    Scheduled,
    Open,
    Judging,
    WinnersAnnounced,
    Completed,
    Cancelled,
}

public enum ChallengeVisibility
{
    Public,
    InviteOnly,
}
