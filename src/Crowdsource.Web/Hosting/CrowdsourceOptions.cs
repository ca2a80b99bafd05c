namespace Crowdsource.Web.Hosting;

/// <summary>The app's own settings (section "Crowdsource").</summary>
public sealed class CrowdsourceOptions
{
    public const string Section = "Crowdsource";

    /// <summary>Apply pending migrations when the app starts (the run command and docker-compose turn it on).</summary>
    public bool ApplyMigrationsOnStartup { get; set; }

    /// <summary>Create the demo accounts and print their passwords.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Show every queued e-mail on /Development/Mailbox: in the Development environment only, whatever this says (<see cref="DevelopmentOnly"/>).</summary>
    public bool DevelopmentMailbox { get; set; }

    /// <summary>
    /// Absolute base of every link the site sends (https://crowdsource.example/), never the request's Host header.
    /// Required outside Development; in Development, the first address the site listens on or http://localhost:5080/.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The reverse proxies whose X-Forwarded-For, -Proto and -Host headers the site believes.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>An admin account created on first start when both e-mail and password are set.</summary>
    public AdminAccountOptions Admin { get; set; } = new();
}

public sealed class AdminAccountOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string DisplayName { get; set; } = "Administrator";
}
