using Crowdsource.Application.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crowdsource.Application.Tests.Persistence;

public sealed class SchemaTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task The_committed_migrations_match_the_model()
    {
        var pending = await fixture.DbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.False(pending, "The model changed without a migration: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task Every_point_in_time_is_stored_as_timestamptz()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('timestamp without time zone', 'date', 'time without time zone')
            """, connection);
        var offenders = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                offenders.Add(reader.GetString(0));
            }
        }

        var timestamptz = await fixture.DbAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'timestamp with time zone'")
            .SingleAsync());
        Assert.Empty(offenders);
        Assert.True(timestamptz >= 5, "Expected the account, lockout and outbox times as timestamptz.");
    }
}
