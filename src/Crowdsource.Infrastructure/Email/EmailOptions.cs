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

    /// <summary>How many due messages one sender run leases at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>The longest one message may take to send (connection, authentication and transfer).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a run holds the messages it leased. A sender that dies mid-run keeps them from the others this long;
    /// a run stops sending when less than <see cref="SendTimeout"/> of it is left.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);
}
