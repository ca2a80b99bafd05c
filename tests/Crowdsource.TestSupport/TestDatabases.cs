using Crowdsource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crowdsource.TestSupport;

/// <summary>
/// Fresh, migrated databases for tests. The committed migrations are applied once per test process to a template
/// database; each test class then gets its own copy (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
/// </summary>
public static class TestDatabases
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    /// <returns>The connection string of a new, migrated, empty database.</returns>
    public static async Task<string> CreateAsync()
    {
        var admin = await PostgresServer.AdminConnectionStringAsync();
        var template = await EnsureTemplateAsync(admin);
        var name = $"crowdsource_test_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return WithDatabase(admin, name, pooling: true);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(await PostgresServer.AdminConnectionStringAsync(), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> EnsureTemplateAsync(string admin)
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            // One template per process: the application and web test assemblies may run side by side.
            var name = $"crowdsource_template_{Environment.ProcessId}";
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
            var options = new DbContextOptionsBuilder<CrowdsourceDbContext>()
                .UseNpgsql(WithDatabase(admin, name, pooling: false))
                .Options;
            await using (var db = new CrowdsourceDbContext(options))
            {
                await db.Database.MigrateAsync();
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
            _template = name;
            return name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static string WithDatabase(string connectionString, string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = pooling }.ConnectionString;

    private static async Task ExecuteAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(WithDatabase(admin, "postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
