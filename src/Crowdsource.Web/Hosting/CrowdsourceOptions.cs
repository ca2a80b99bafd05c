namespace Crowdsource.Web.Hosting;

/// <summary>The app's own settings (section "Crowdsource").</summary>
public sealed class CrowdsourceOptions
{
    public const string Section = "Crowdsource";

    /// <summary>Apply pending migrations when the app starts (the run command and docker-compose turn it on).</summary>
    public bool ApplyMigrationsOnStartup { get; set; }

    /// <summary>Create the demo accounts and print their passwords.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Show every queued e-mail on /Development/Mailbox. Never turn on in production.</summary>
    public bool DevelopmentMailbox { get; set; }

    /// <summary>Absolute base of links in e-mails (https://crowdsource.example); the request's host when empty.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>An admin account created on first start when both e-mail and password are set.</summary>
    public AdminAccountOptions Admin { get; set; } = new();
}

public sealed class AdminAccountOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string DisplayName { get; set; } = "Administrator";
}
