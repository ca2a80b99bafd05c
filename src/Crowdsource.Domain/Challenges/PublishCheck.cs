namespace Crowdsource.Domain.Challenges;

/// <summary>What a draft still lacks before it can be sent for review: each item is a section of the form.</summary>
public enum PublishCheck
{
    Title,
    Summary,
    Brief,
    Category,
    Prizes,
    Criteria,
    Licence,
    Schedule,
    Invitations,
}
