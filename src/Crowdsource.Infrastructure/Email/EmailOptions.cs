namespace Crowdsource.Infrastructure.Email;

/// <summary>How e-mail leaves the platform (section "Email"). Without an SMTP host, messages go to a pickup folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string FromAddress { get; set; } = "no-reply@crowdsource.local";

    public string FromName { get; set; } = "Crowdsource";

    /// <summary>SMTP server; when empty, each message is written as an .eml file to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>"StartTls" (default), "SslOnConnect" or "None" (a local relay only).</summary>
    public string SmtpSecurity { get; set; } = "StartTls";

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    public string PickupDirectory { get; set; } = Path.Combine(".data", "mail");

    /// <summary>How often the sender looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 20;
}
