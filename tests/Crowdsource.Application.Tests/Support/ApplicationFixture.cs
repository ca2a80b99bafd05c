using Crowdsource.Application.Common;
using Crowdsource.Infrastructure;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.TestSupport;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Crowdsource.Application.Tests.Support;

/// <summary>
/// The application layer wired as in production (mediator, behaviours, EF Core, Identity) on a fresh PostgreSQL
/// database per test class, with a clock the tests move and an actor they choose.
/// </summary>
public sealed class ApplicationFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public CapturingLoggerProvider Logs { get; } = new();

    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), $"crowdsource-mail-{Guid.NewGuid():N}");

    public string ConnectionString { get; private set; } = string.Empty;

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabases.CreateAsync();
        Services = BuildServices(services => { });
    }

    /// <summary>A provider like the fixture's, with extra or replaced services (a failing e-mail transport, say).</summary>
    public ServiceProvider BuildServices(Action<IServiceCollection> adjust)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crowdsource"] = ConnectionString,
            ["Email:PickupDirectory"] = PickupDirectory,
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Information));
        services.AddApplication();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddInfrastructure();
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        services.AddScoped<TestCurrentUser>();
        services.AddScoped<ICurrentUser>(provider => provider.GetRequiredService<TestCurrentUser>());
        services.AddSingleton<ISiteLinks, TestSiteLinks>();
        services.AddSingleton<IRequestOrigin>(new TestRequestOrigin("203.0.113.7", "xunit browser"));
        adjust(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Sends through the mediator in a new scope (as one web request would), acting as <paramref name="actor"/>.</summary>
    public Task<T> SendAsync<T>(Func<ISender, ValueTask<T>> send, Actor? actor = null) =>
        InScopeAsync(provider => send(provider.GetRequiredService<ISender>()).AsTask(), actor);

    public Task SendAsync(Func<ISender, ValueTask<Unit>> send, Actor? actor = null) =>
        InScopeAsync(provider => send(provider.GetRequiredService<ISender>()).AsTask(), actor);

    /// <summary>Reads or arranges data directly, in a scope of its own.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work, Actor? actor = null)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestCurrentUser>().ActAs(actor);
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work, Actor? actor = null) =>
        InScopeAsync(async provider =>
        {
            await work(provider);
            return true;
        }, actor);

    public Task<T> DbAsync<T>(Func<CrowdsourceDbContext, Task<T>> query) =>
        InScopeAsync(provider => query(provider.GetRequiredService<CrowdsourceDbContext>()));

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await TestDatabases.DropAsync(ConnectionString);
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }
}

internal static class ScopeExtensions
{
    /// <summary>A scope of its own with its DbContext, for tests that need two at once.</summary>
    public static AsyncServiceScope CreateAsyncScopeWithDb(this IServiceProvider services, out Infrastructure.Persistence.CrowdsourceDbContext db)
    {
        var scope = services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.CrowdsourceDbContext>();
        return scope;
    }
}
