namespace Crowdsource.Application.Accounts;

/// <summary>How many e-mails of one kind (reset link, confirmation...) one address may receive, whoever asks.</summary>
public sealed class AccountEmailLimits
{
    public const string Section = "RateLimits";

    /// <summary>Beyond this many of one kind in <see cref="Window"/>, more requests queue nothing (and say so to nobody).</summary>
    public int AccountEmailsPerRecipientPerHour { get; set; } = 5;

    public static TimeSpan Window => TimeSpan.FromHours(1);
}
