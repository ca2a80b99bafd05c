namespace Crowdsource.Domain.Challenges;

public readonly record struct ChallengeId(Guid Value)
{
    public static ChallengeId New(DateTimeOffset now) => new(Guid.CreateVersion7(now));

    public override string ToString() => Value.ToString();
}
