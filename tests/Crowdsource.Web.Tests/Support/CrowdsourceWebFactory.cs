using Crowdsource.Application.Administration;
using Crowdsource.TestSupport;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Support;

/// <summary>
/// The whole site, as Program.cs builds it, on a fresh PostgreSQL database, in the "Testing" environment (so the
/// production error pages and HSTS apply), with the development mailbox on so tests can follow e-mailed links.
/// </summary>
public sealed class CrowdsourceWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), $"crowdsource-web-mail-{Guid.NewGuid():N}");

    public async Task InitializeAsync() => ConnectionString = await TestDatabases.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Crowdsource", ConnectionString);
        builder.UseSetting("Crowdsource:ApplyMigrationsOnStartup", "true");
        builder.UseSetting("Crowdsource:DevelopmentMailbox", "true");
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
        builder.UseSetting("Email:PollInterval", "00:00:00.250");

        // Tests log in many times a minute from one address: the HTTP limits are RateLimitTests' subject, not theirs.
        foreach (var limit in (string[])["LogIn", "AccountForms", "Actions"])
        {
            builder.UseSetting($"RateLimits:{limit}PerAddressPerMinute", "100000");
            builder.UseSetting($"RateLimits:{limit}PerAccountPerMinute", "100000");
        }
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
