using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common;
using Crowdsource.Application.Awards;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Files;
using Crowdsource.Application.Funding;
using Crowdsource.Application.Payouts;
using Crowdsource.Infrastructure.Files;
using Crowdsource.Infrastructure.Documents;
using Crowdsource.Infrastructure.Email;
using Crowdsource.Infrastructure.Identity;
using Crowdsource.Infrastructure.Payouts;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Infrastructure.Persistence.Availability;
using Crowdsource.Infrastructure.Scheduling;
using Crowdsource.Infrastructure.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Crowdsource.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Crowdsource";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        // Read when the first context is made, from the final configuration (tests and hosts may add to it late).
        // Pooled: the options are built once and contexts are reused, instead of parsing the connection string and
        // assembling EF's services for every context (two or three per request; measured as a large share of a
        // signed-in page's processor time).
        services.AddDbContextPool<CrowdsourceDbContext>((provider, options) =>
        {
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName)
                ?? throw new InvalidOperationException(
                    $"No connection string '{ConnectionStringName}': set ConnectionStrings__{ConnectionStringName} or use the README's run command.");
            var availability = provider.GetRequiredService<DatabaseAvailability>();
            options.UseNpgsql(WithSiteConnectionSettings(connectionString), npgsql =>
                npgsql.ExecutionStrategy(dependencies => new OutageAwareExecutionStrategy(dependencies, availability)));
            options.AddInterceptors(provider.GetRequiredService<DatabaseFailureInterceptor>());
        });
        services.AddMetrics(); // IMeterFactory for CrowdsourceMetrics (the web host has it already; the application tests do not)
        services.AddHostedService<OutboxMetricsSampler>();
        services.AddSingleton<DatabaseAvailability>();
        services.AddSingleton<DatabaseFailureInterceptor>();
        services.AddOptions<DatabaseWatchOptions>().BindConfiguration(DatabaseWatchOptions.Section);
        services.AddHostedService<DatabaseWatch>();
        services.AddScoped<ICrowdsourceDb>(provider => provider.GetRequiredService<CrowdsourceDbContext>());
        services.AddScoped<IFileStore, PostgresFileStore>();
        services.AddScoped<IUploadStore, PostgresUploadStore>();
        services.AddScoped<IThumbnailMaker, SkiaThumbnailMaker>();
        services.AddSingleton<ThumbnailGate>();
        services.AddSingleton<ILicenceReceiptRenderer, PdfLicenceReceiptRenderer>();
        services.AddSingleton<ILicenceGrantRenderer, PdfLicenceGrantRenderer>();
        services.AddOptions<FileLimits>().BindConfiguration(FileLimits.Section);
        services.AddOptions<AccountEmailLimits>().BindConfiguration(AccountEmailLimits.Section);
        services.AddOptions<PlatformAccount>().BindConfiguration(PlatformAccount.Section);

        // Keys in the database: every instance of the app reads the same keys, so cookies and tokens work across them.
        services.AddDataProtection()
            .SetApplicationName("Crowdsource")
            .PersistKeysToDbContext<CrowdsourceDbContext>();
        services.AddSingleton<IPayoutAccountProtector, DataProtectionPayoutAccountProtector>();

        services.AddCrowdsourceIdentity();

        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<PickupDirectoryEmailTransport>();
        services.AddSingleton<IEmailTransport>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<EmailOptions>>().Value.SmtpHost)
                ? provider.GetRequiredService<PickupDirectoryEmailTransport>()
                : provider.GetRequiredService<SmtpEmailTransport>());

        services.AddSingleton<OutboxSenderState>();
        services.AddScoped<OutboxDispatcher>();
        services.AddHostedService<OutboxEmailSender>();

        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section);
        services.AddHostedService<ChallengeClock>();

        services.AddSingleton<DatabaseReadyHealthCheck>(); // one instance: it remembers that the migrations were applied
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyHealthCheck>("database", HealthStatus.Unhealthy, tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The site's connection settings on top of the configured connection string.
    /// <list type="bullet">
    /// <item>No reset on close: EF Core opens and closes a pooled connection around every query; by default Npgsql then
    /// resets it with a DISCARD ALL round trip. Safe to skip here: the app never changes session state on a connection
    /// (no SET but SET LOCAL, no session advisory locks: only pg_advisory_xact_lock, released with the transaction; an
    /// open transaction is still rolled back when the connection returns to the pool).</item>
    /// <item>Prepared statements for the statements a connection runs again and again (Npgsql's automatic
    /// preparation): PostgreSQL then parses once per connection and can keep a plan, where planning alone took 0.5-3 ms
    /// of a list statement that runs in 1 ms. The app selects named columns only, so a migration that adds columns
    /// does not break the prepared statements of running instances (PostgreSQL plans them again).</item>
    /// <item>No JIT compilation of queries: the site's queries are short, and PostgreSQL's JIT, set off by cost estimates
    /// on large tables, spent 200 ms compiling a screening-queue query that runs in 10 ms.</item>
    /// </list>
    /// </summary>
    private static string WithSiteConnectionSettings(string connectionString)
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 100;
        }

        settings.Options = string.IsNullOrWhiteSpace(settings.Options) ? "-c jit=off" : settings.Options + " -c jit=off";
        return settings.ConnectionString;
    }
}
