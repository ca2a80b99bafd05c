using Crowdsource.Application.Administration;
using Crowdsource.Application.Files;
using Crowdsource.Domain.Accounts;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Infrastructure.Persistence.Seed;
using Mediator;
using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Hosting;

/// <summary>What runs once before the app serves: migrations, the configured admin, the demo accounts.</summary>
internal static partial class StartupTasks
{
    public static async Task RunAsync(WebApplication app)
    {
        // Settings that must be right (the public address, the key certificate) are checked before anything runs.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var options = app.Services.GetRequiredService<IOptions<CrowdsourceOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTasks));

        if (options.ApplyMigrationsOnStartup)
        {
            await DatabaseMigrator.MigrateAsync(app.Services);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        if (!string.IsNullOrWhiteSpace(options.Admin.Email) && !string.IsNullOrEmpty(options.Admin.Password))
        {
            var outcome = await sender.Send(new EnsureAccount.Command(
                options.Admin.Email, options.Admin.DisplayName, options.Admin.Password, [Roles.Admin]));
            LogAdmin(logger, options.Admin.Email, outcome);
        }

        if (options.SeedDemoData)
        {
            foreach (var account in DemoAccounts.All)
            {
                await sender.Send(account);
            }

            var people = new DemoResults.People(DemoAccounts.BrandOwnerEmail, DemoAccounts.CreativeEmail, DemoAccounts.SecondCreativeEmail,
                DemoAccounts.ModeratorEmail, DemoAccounts.AdminEmail);
            await DemoBrand.SeedAsync(scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>(),
                scope.ServiceProvider.GetRequiredService<IFileStore>(), people, scope.ServiceProvider.GetRequiredService<TimeProvider>());
            await DemoResults.SeedAsync(scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>(),
                scope.ServiceProvider.GetRequiredService<IFileStore>(), scope.ServiceProvider.GetRequiredService<IThumbnailMaker>(), people,
                scope.ServiceProvider.GetRequiredService<TimeProvider>());
            await DemoNewBrand.SeedAsync(scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>(),
                scope.ServiceProvider.GetRequiredService<IFileStore>(), people, scope.ServiceProvider.GetRequiredService<TimeProvider>());
            await DemoJudging.SeedAsync(scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>(),
                scope.ServiceProvider.GetRequiredService<IFileStore>(), scope.ServiceProvider.GetRequiredService<IThumbnailMaker>(), people,
                scope.ServiceProvider.GetRequiredService<TimeProvider>());

            PrintDemoAccounts(app, options.DevelopmentMailbox);
        }
    }

    private static void PrintDemoAccounts(WebApplication app, bool mailbox) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = app.Urls.FirstOrDefault() ?? "http://localhost:5080";
            Console.WriteLine();
            Console.WriteLine($"  Crowdsource is running at {url}");
            Console.WriteLine("  Demo accounts (e-mail / password):");
            foreach (var account in DemoAccounts.All)
            {
                Console.WriteLine($"    {string.Join(", ", account.Roles),-18} {account.Email,-30} {account.Password}");
            }

            if (mailbox)
            {
                Console.WriteLine("  E-mails sent by the site: {0}/Development/Mailbox", url.TrimEnd('/'));
            }

            Console.WriteLine("  Press Ctrl+C to stop.");
            Console.WriteLine();
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin account {Email}: {Outcome}")]
    private static partial void LogAdmin(ILogger logger, string email, EnsureAccount.Outcome outcome);
}
