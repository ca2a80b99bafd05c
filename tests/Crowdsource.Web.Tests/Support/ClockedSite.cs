using Crowdsource.Application.Administration;
using Mediator;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Support;

/// <summary>
/// A second site on Kestrel, on its own database, whose clock the test moves (<see cref="FakeTimeProvider"/>,
/// starting now): the challenge clock ticks only when the test advances time, and every page reads the same time.
/// Kept apart from <see cref="BrowserFixture.Site"/> so moving time never touches the other browser tests' data.
/// </summary>
public sealed class ClockedSite : IAsyncLifetime
{
    /// <summary>How often, in fake time, the challenge clock looks for due challenges.</summary>
    public static readonly TimeSpan ChallengeClockInterval = TimeSpan.FromMinutes(1);

    private readonly CrowdsourceWebFactory _site = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The site itself, for arranging data in its database and running its use cases as the platform.</summary>
    public CrowdsourceWebFactory Factory => _site;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_site).InitializeAsync();
        // On the factory itself, not a WithWebHostBuilder copy: Kestrel then serves the port that is the public address.
        _site.ConfigureSite = builder =>
        {
            builder.UseSetting("Scheduling:ChallengeClockInterval", ChallengeClockInterval.ToString());
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        };
        BaseAddress = _site.StartOnKestrel();
    }

    /// <summary>A confirmed account with these roles, made as start-up makes the admin.</summary>
    public async Task<TestAccount> AccountAsync(params string[] roles)
    {
        var account = new TestAccount($"{(roles.FirstOrDefault() ?? "creative").ToLowerInvariant()}.{Guid.NewGuid():N}@example.com", "web test passphrase");
        await using var scope = _site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new EnsureAccount.Command(account.Email, "Web Tester", account.Password, roles));
        return account;
    }

    /// <summary>A new page of this site in its own context, in a named time zone (see <see cref="ZonedPages"/>).</summary>
    public Task<IPage> NewPageAsync(IBrowser browser, string timeZone = "Europe/Paris") =>
        ZonedPages.NewPageAsync(browser, BaseAddress, timeZone);

    public async Task DisposeAsync() => await ((IAsyncLifetime)_site).DisposeAsync();
}
