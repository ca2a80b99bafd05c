namespace Crowdsource.Domain.Challenges;

public enum ChallengeCategory
{
    Packaging,
    Product,
    Advertising,
    Branding,
    Illustration,
    Video,
    Photography,
    Naming,
    Other,
}
