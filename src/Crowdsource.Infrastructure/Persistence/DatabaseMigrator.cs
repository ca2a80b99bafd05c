using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Crowdsource.Infrastructure.Persistence;

/// <summary>
/// Applies the committed migrations. Several instances may start at once (docs/operations.md): one migrates while the
/// others wait on a PostgreSQL advisory lock, then find nothing pending. EF Core's own lock (LOCK TABLE on the history
/// table) covers only the migrations, not the creation of the history table before it, where two concurrent
/// CREATE TABLE IF NOT EXISTS can fail with a unique violation in the catalogue.
/// </summary>
public static partial class DatabaseMigrator
{
    /// <summary>The advisory lock key the instances migrate under ("crowdsource" in ASCII; any constant would do).</summary>
    private const long LockKey = 0x63726F7764736F;

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<CrowdsourceDbContext>>();

        // On an empty database, EF would first query the missing history table and log that as an error:
        // create the table up front so a first start logs nothing alarming.
        var upToDate = false;
        await using var migrationLock = await LockAsync(db, cancellationToken);
        if (migrationLock is not null)
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

    /// <summary>
    /// Holds the migration lock on a connection of its own, outside the site's pool (whose connections are not reset
    /// on close, so a session lock must never be left on one); closing it releases the lock whatever happens.
    /// Null when the database does not exist yet (EF creates it; create it beforehand when instances start at once).
    /// </summary>
    private static async Task<NpgsqlConnection?> LockAsync(CrowdsourceDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return null;
        }

        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            command.CommandTimeout = 0; // a long migration on another instance is waited for, not failed
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Count} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, int count);
}
