using Crowdsource.Application.Administration;
using Crowdsource.TestSupport;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Support;

/// <summary>
/// The whole site, as Program.cs builds it, on a fresh PostgreSQL database, in the "Testing" environment (so the
/// production error pages and HSTS apply, and the development mailbox does not exist); tests follow e-mailed links
/// from the pickup directory (<see cref="EmailsToAsync"/>).
/// </summary>
public sealed class CrowdsourceWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), $"crowdsource-web-mail-{Guid.NewGuid():N}");

    /// <summary>
    /// The site's public address (Crowdsource:PublicBaseUrl), the only base of links in e-mails: the test client's own
    /// address unless the site is served on Kestrel (<see cref="StartOnKestrel"/>).
    /// </summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost/");

    /// <summary>More configuration for this site (a test clock, a setting), applied last when the host is built.</summary>
    public Action<IWebHostBuilder>? ConfigureSite { get; set; }

    public async Task InitializeAsync() => ConnectionString = await TestDatabases.CreateAsync();

    /// <summary>Runs the site on this database (of a server of the test's own) instead of a fresh shared one.</summary>
    public void UseDatabase(string connectionString) => ConnectionString = connectionString;

    /// <summary>Serves the site on Kestrel at a free loopback port, which becomes its public address; returns that address.</summary>
    public Uri StartOnKestrel()
    {
        PublicBaseUrl = FreeLoopbackAddress();
        UseKestrel(PublicBaseUrl.Port);
        StartServer();
        return PublicBaseUrl;
    }

    /// <summary>An address on a loopback port nobody listens on, for a site served on Kestrel.</summary>
    public static Uri FreeLoopbackAddress()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}/");
    }

    /// <summary>
    /// The e-mails sent to <paramref name="address"/>, oldest first, once at least <paramref name="count"/> are in the
    /// pickup directory (each appears whole: the transport renames it into place), or whatever is there after 20 s.
    /// </summary>
    public async Task<IReadOnlyList<MimeKit.MimeMessage>> EmailsToAsync(string address, int count = 1)
    {
        Directory.CreateDirectory(PickupDirectory);
        using var arrived = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(PickupDirectory); // watching before reading: no e-mail slips between
        watcher.Created += (_, _) => arrived.Release();
        watcher.Renamed += (_, _) => arrived.Release();
        watcher.EnableRaisingEvents = true;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var emails = await ReadEmailsToAsync(address);
            if (emails.Count >= count || !await WaitAsync(arrived, patience.Token))
            {
                return emails;
            }
        }
    }

    private async Task<List<MimeKit.MimeMessage>> ReadEmailsToAsync(string address)
    {
        var emails = new List<(DateTime Written, MimeKit.MimeMessage Message)>();
        foreach (var file in Directory.GetFiles(PickupDirectory, "*.eml"))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                emails.Add((File.GetLastWriteTimeUtc(file), message));
            }
        }

        return [.. emails.OrderBy(email => email.Written).Select(email => email.Message)];
    }

    /// <summary>Waits for a file to arrive; false when patience ran out first.</summary>
    private static async Task<bool> WaitAsync(SemaphoreSlim arrived, CancellationToken patience)
    {
        try
        {
            await arrived.WaitAsync(patience);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The links of an e-mail's HTML body (or its text, when it has none).</summary>
    public static IReadOnlyList<Uri> LinksIn(MimeKit.MimeMessage email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var body = email.HtmlBody ?? email.TextBody ?? string.Empty;
        return [.. System.Text.RegularExpressions.Regex.Matches(body, @"https?://[^\s""'<>]+")
            .Select(match => new Uri(System.Net.WebUtility.HtmlDecode(match.Value)))];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Crowdsource", ConnectionString);
        builder.UseSetting("Crowdsource:ApplyMigrationsOnStartup", "true");
        builder.UseSetting("Crowdsource:PublicBaseUrl", PublicBaseUrl.ToString());
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
        builder.UseSetting("Email:PollInterval", "00:00:00.250");
        builder.UseSetting("Shutdown:ReadinessDelay", "00:00:00"); // no proxy to tell: a test site stops at once

        // Tests log in many times a minute from one address: the HTTP limits are RateLimitTests' subject, not theirs.
        foreach (var limit in (string[])["LogIn", "AccountForms", "Actions"])
        {
            builder.UseSetting($"RateLimits:{limit}PerAddressPerMinute", "100000");
            builder.UseSetting($"RateLimits:{limit}PerAccountPerMinute", "100000");
        }

        ConfigureSite?.Invoke(builder);
    }

    /// <summary>A confirmed account with these roles, made as start-up makes the admin.</summary>
    public async Task<TestAccount> AccountAsync(params string[] roles)
    {
        var account = new TestAccount($"{(roles.FirstOrDefault() ?? "creative").ToLowerInvariant()}.{Guid.NewGuid():N}@example.com", "web test passphrase");
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new EnsureAccount.Command(account.Email, "Web Tester", account.Password, roles));
        return account;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestDatabases.DropAsync(ConnectionString);
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }
}

public sealed record TestAccount(string Email, string Password);
