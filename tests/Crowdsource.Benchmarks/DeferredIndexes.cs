using Npgsql;

namespace Crowdsource.Benchmarks;

/// <summary>
/// Drops the secondary indexes and foreign keys of the tables the bulk load fills, and replays their definitions
/// exactly afterwards (read from <c>pg_indexes</c> and <c>pg_get_constraintdef</c>), so the schema ends as the
/// migrations made it. Building an index once over a million rows is far cheaper than maintaining it row by row,
/// and a foreign key added afterwards is checked with one join instead of a trigger per row. Primary keys and
/// unique constraints stay: the copies look rows up by id. Normal (logged) tables throughout: the site reads them.
/// </summary>
internal sealed class DeferredIndexes
{
    private readonly List<string> indexes;
    private readonly List<string> foreignKeys;

    private DeferredIndexes(List<string> indexes, List<string> foreignKeys)
    {
        this.indexes = indexes;
        this.foreignKeys = foreignKeys;
    }

    public int Count => indexes.Count + foreignKeys.Count;

    public static async Task<DeferredIndexes> DropAsync(NpgsqlConnection connection, IReadOnlyCollection<string> tables)
    {
        var indexes = await ReadAsync(connection, """
            SELECT format('DROP INDEX %I.%I', i.schemaname, i.indexname), i.indexdef
            FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
            ORDER BY i.tablename, i.indexname
            """, tables);
        var foreignKeys = await ReadAsync(connection, """
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype = 'f' AND n.nspname = 'public' AND t.relname = ANY(@tables)
            ORDER BY t.relname, c.conname
            """, tables);
        foreach (var (drop, _) in foreignKeys.Concat(indexes))
        {
            await ExecuteAsync(connection, drop);
        }

        return new DeferredIndexes([.. indexes.Select(index => index.Create)], [.. foreignKeys.Select(key => key.Create)]);
    }

    /// <summary>Indexes first (foreign keys are checked faster with them), then the foreign keys, validated.</summary>
    public async Task RestoreAsync(NpgsqlConnection connection)
    {
        foreach (var create in indexes.Concat(foreignKeys))
        {
            await ExecuteAsync(connection, create);
        }
    }

    private static async Task<List<(string Drop, string Create)>> ReadAsync(NpgsqlConnection connection, string sql, IReadOnlyCollection<string> tables)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tables", tables.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
