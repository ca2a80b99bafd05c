namespace Crowdsource.Application.Accounts;

/// <summary>Claim types of our own in the authentication cookie.</summary>
public static class CrowdsourceClaims
{
    public const string DisplayName = "crowdsource:display_name";
}
