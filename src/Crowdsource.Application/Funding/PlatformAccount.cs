namespace Crowdsource.Application.Funding;

/// <summary>The platform's bank account brands fund prizes to (configuration section "PrizeFunding").</summary>
public sealed class PlatformAccount
{
    public const string Section = "PrizeFunding";

    public string? AccountHolder { get; set; }

    public string? Iban { get; set; }

    public string? Bic { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountHolder) && !string.IsNullOrWhiteSpace(Iban);

    /// <summary>What the brand writes in its transfer so admins match it to the challenge: "CS-" and the challenge's first 8 hex digits.</summary>
    public static string TransferLabel(Domain.Challenges.ChallengeId challengeId) =>
        "CS-" + challengeId.Value.ToString("N")[..8].ToUpperInvariant();
}
