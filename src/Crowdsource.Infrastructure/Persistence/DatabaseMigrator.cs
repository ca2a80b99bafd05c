using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crowdsource.Infrastructure.Persistence;

/// <summary>Applies the committed migrations (EF Core takes a database lock, so two instances starting at once do not race).</summary>
public static partial class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<CrowdsourceDbContext>>();

        // On an empty database, EF would first query the missing history table and log that as an error:
        // create the table up front so a first start logs nothing alarming.
        var upToDate = false;
        if (await db.Database.CanConnectAsync(cancellationToken))
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);

            // Most starts find nothing to apply: the history table says so alone, without the database lock and the
            // comparison of the model with the last migration's that MigrateAsync makes first.
            upToDate = !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
        }

        if (!upToDate)
        {
            // Creates the database when it does not exist yet, then applies what is pending.
            await db.Database.MigrateAsync(cancellationToken);
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
        LogMigrated(logger, applied);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Count} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, int count);
}
