using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Npgsql;

namespace Crowdsource.Benchmarks;

/// <summary>
/// Fills a database for the benchmark: the template rows first (<see cref="TemplateData"/>, made by the real code),
/// then set-based <c>INSERT ... SELECT ... FROM generate_series</c> copies of them, every column taken from the template
/// row unless the copy must differ (ids, names, owners), and every timestamp moved by the same interval per challenge,
/// so statuses stay consistent with dates: finished challenges lie in the past, open ones straddle today, entries are
/// submitted inside their challenge's window, only finished challenges have winners, and so on.
/// </summary>
public static class BenchmarkLoader
{
    public static async Task LoadAsync(string connectionString, BenchmarkVolume volume, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(log);
        var total = Stopwatch.StartNew();
        await TemplateData.CreateAsync(connectionString);
        await log.WriteLineAsync($"templates ready ({total.Elapsed.TotalSeconds:0.0} s)");

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        // Big sorts for the index builds, the helper tables in memory (temp_buffers must be set before they exist),
        // no wait for the WAL flush at each commit. The tables stay logged: the site must see normal tables.
        await using (var settings = new NpgsqlCommand("""
            SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'; SET temp_buffers = '1GB'; SET synchronous_commit = off
            """, connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        var columns = await ColumnsAsync(connection);
        var words = Words();

        async Task StepAsync(string name, string sql)
        {
            var watch = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("words", words);
            command.Parameters.AddWithValue("nwords", words.Length);
            command.Parameters.AddWithValue("challenges", volume.Challenges);
            command.Parameters.AddWithValue("brands", volume.Brands);
            command.Parameters.AddWithValue("entries", volume.Entries);
            command.Parameters.AddWithValue("accounts", volume.Accounts);
            command.Parameters.AddWithValue("workspace", volume.BrandWorkspaceChallenges);
            command.Parameters.AddWithValue("creative_entries", volume.CreativeEntries);
            command.Parameters.AddWithValue("creative_notifications", volume.CreativeNotifications);
            command.Parameters.AddWithValue("queue", volume.QueueEntries);
            command.Parameters.AddWithValue("board", volume.JudgingBoardEntries);
            var rows = await command.ExecuteNonQueryAsync();
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {rows:N0} rows ({watch.Elapsed.TotalSeconds:0.0} s)"));
        }

        string Copy(string table, string from, string? shiftBy, params (string Column, string Value)[] overrides) =>
            CopySql(columns, table, from, shiftBy, overrides.ToDictionary(o => o.Column, o => o.Value, StringComparer.Ordinal));

        await StepAsync("plan", PlanSql);
        var watch = Stopwatch.StartNew();
        var deferred = await DeferredIndexes.DropAsync(connection, FilledTables);
        await log.WriteLineAsync($"dropped {deferred.Count} secondary indexes and foreign keys ({watch.Elapsed.TotalSeconds:0.0} s)");
        await StepAsync("accounts", Copy("AspNetUsers", """
            bench_users u CROSS JOIN "AspNetUsers" t WHERE t."Email" = 'crowd@bench.example'
            """, null,
            ("Id", "u.id"), ("UserName", "u.email"), ("Email", "u.email"), ("NormalizedUserName", "upper(u.email)"),
            ("NormalizedEmail", "upper(u.email)"), ("DisplayName", "u.name"), ("SecurityStamp", "md5(u.id || 'stamp')"),
            ("ConcurrencyStamp", "md5(u.id || 'concurrency')"), ("CreatedAt", "t.\"CreatedAt\" - u.n * interval '5 minutes'")));
        await StepAsync("account roles", """
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
            SELECT u.id, r."Id" FROM bench_users u
            JOIN "AspNetRoles" r ON r."Name" = CASE WHEN u.n <= @brands THEN 'BrandMember' ELSE 'Creative' END
            """);
        await StepAsync("brands", Copy("Brands", """
            bench_brands b CROSS JOIN "Brands" t WHERE t."Slug" = 'choco-lab'
            """, "- b.n * interval '1 day'", ("Id", "b.id"), ("Name", "b.name"), ("Slug", "b.slug")));
        await StepAsync("brand members", Copy("BrandMembers", """
            bench_brands b JOIN "BrandMembers" t ON t."BrandId" = (SELECT "Id" FROM "Brands" WHERE "Slug" = 'choco-lab')
            """, "- b.n * interval '1 day'", ("BrandId", "b.id"), ("UserId", "b.owner_id")));
        await StepAsync("challenges", Copy("Challenges", """
            bench_challenges c JOIN "Challenges" t ON t."Id" = c.template_id
            """, "+ c.shift",
            ("Id", "c.id"), ("BrandId", "c.brand_id"), ("Title", "c.title"), ("Slug", "c.slug"), ("Summary", "c.summary"),
            ("Brief", "c.brief"), ("Category", "c.category"), ("Tags", "c.tags"), ("CreatedByUserId", "c.owner_id")));
        await StepAsync("entries", Copy("Entries", """
            bench_entries e JOIN "Entries" t ON t."Id" = e.template_id
            """, "+ e.shift",
            ("Id", "e.id"), ("ChallengeId", "e.challenge_id"), ("CreativeUserId", "e.creative_id"), ("Title", "e.title"),
            ("SubmissionKey", "e.id"),
            ("PublishedToPortfolioAt", "CASE WHEN e.phase = 'C' AND e.k = 2 THEN e.submitted_at + interval '60 days' END")));
        await StepAsync("licence acceptances", Copy("LicenceAcceptances", """
            bench_entries e JOIN "LicenceAcceptances" t ON t."EntryId" = e.template_id
            """, "+ e.shift", ("Id", "e.acceptance_id"), ("EntryId", "e.id"), ("CreativeUserId", "e.creative_id")));
        await StepAsync("entry files", Copy("EntryFiles", """
            bench_entries e JOIN "EntryFiles" t ON t."EntryId" = e.template_id
            """, null, ("Id", "md5(e.id::text || 'file')::uuid"), ("EntryId", "e.id")));
        await StepAsync("entry file records", Copy("EntryFilesRecords", """
            bench_entries e JOIN "EntryFilesRecords" t ON t."EntryId" = e.template_id
            """, "+ e.shift", ("Id", "md5(e.id::text || 'record')::uuid"), ("EntryId", "e.id"), ("AcceptanceId", "e.acceptance_id")));
        // Finished challenges: the first two entries won (the ranking puts them first: see the scorecards) and were paid.
        await StepAsync("awards", Copy("Awards", """
            bench_entries e
            JOIN "Awards" t ON t."ChallengeId" = (SELECT "Id" FROM "Challenges" WHERE "Title" = 'Design our Easter egg box') AND t."Rank" = e.k + 1
            WHERE e.phase = 'C' AND e.k < 2
            """, "+ e.shift", ("Id", "md5(e.id::text || 'award')::uuid"), ("ChallengeId", "e.challenge_id"), ("EntryId", "e.id"),
            ("PaymentReference", "'SEPA-BENCH-' || e.n")));
        await StepAsync("licence grants", Copy("LicenceGrants", """
            bench_entries e JOIN bench_challenges c ON c.id = e.challenge_id
            JOIN "Awards" a ON a."Id" = md5(e.id::text || 'award')::uuid
            JOIN (SELECT g.*, x."Rank" AS template_rank FROM "LicenceGrants" g JOIN "Awards" x ON x."Id" = g."AwardId") t ON t.template_rank = a."Rank"
            """, "+ e.shift", ("Id", "md5(e.id::text || 'grant')::uuid"), ("AwardId", "a.\"Id\""), ("ChallengeId", "e.challenge_id"),
            ("EntryId", "e.id"), ("BrandId", "c.brand_id"), ("CreativeUserId", "e.creative_id"), ("LicenceAcceptanceId", "e.acceptance_id")));
        await StepAsync("judging panels", Copy("ChallengeJudges", """
            bench_challenges c CROSS JOIN (SELECT j.* FROM "ChallengeJudges" j LIMIT 1) t
            WHERE c.phase = 'J' OR c.big
            """, "+ c.shift", ("ChallengeId", "c.id")));
        await StepAsync("scorecards", Copy("Scorecards", """
            bench_entries e JOIN bench_challenges c ON c.id = e.challenge_id
            CROSS JOIN (SELECT s.* FROM "Scorecards" s ORDER BY "ScoredAt" LIMIT 1) t
            WHERE e.status = 'Approved' AND (c.phase = 'J' OR c.big)
            """, null, ("Id", "md5(e.id::text || 'score')::uuid"), ("ChallengeId", "e.challenge_id"), ("EntryId", "e.id"),
            ("Scores", "(SELECT jsonb_agg(jsonb_set(s, '{Value}', to_jsonb(CASE WHEN e.k < 2 THEN 10 ELSE 1 + e.k % 9 END))) FROM jsonb_array_elements(t.\"Scores\") s)"),
            ("ScoredAt", "e.submitted_at + interval '1 day'"), ("UpdatedAt", "e.submitted_at + interval '1 day'")));
        await StepAsync("notifications of winners", Copy("Notifications", """
            bench_entries e CROSS JOIN (SELECT x.* FROM "Notifications" x WHERE x."Kind" = 'AwardPaid' LIMIT 1) t
            WHERE e.phase = 'C' AND e.k < 2
            """, null, ("Id", "md5(e.id::text || 'paid')::uuid"), ("UserId", "e.creative_id"),
            ("Link", "'/Entries/' || e.id"), ("CreatedAt", "e.submitted_at + interval '60 days'"), ("ReadAt", "e.submitted_at + interval '61 days'")));
        await StepAsync("notifications of the benchmark creative", Copy("Notifications", """
            generate_series(1, @creative_notifications) g
            CROSS JOIN (SELECT x.* FROM "Notifications" x WHERE x."Kind" = 'ResultsAnnounced' LIMIT 1) t
            CROSS JOIN (SELECT "Id" FROM "AspNetUsers" WHERE "Email" = 'creative@bench.example') u
            """, null, ("Id", "md5('notification' || g)::uuid"), ("UserId", "u.\"Id\""),
            ("CreatedAt", "now() - g * interval '37 minutes'"), ("ReadAt", "CASE WHEN g % 3 = 0 THEN NULL ELSE now() - g * interval '30 minutes' END")));
        watch.Restart();
        await deferred.RestoreAsync(connection);
        await log.WriteLineAsync($"re-created {deferred.Count} secondary indexes and foreign keys ({watch.Elapsed.TotalSeconds:0.0} s)");
        await StepAsync("clean up", "DROP TABLE bench_users, bench_brands, bench_challenges, bench_entries, bench_words");
        // VACUUM too, as autovacuum would do on a live database: it sets the visibility map, without which no
        // index-only scan skips the table (the list's count and order read only their indexes).
        await StepAsync("vacuum and analyze", "VACUUM ANALYZE");
        await log.WriteLineAsync($"loaded {volume} in {total.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The tables the copies fill: their secondary indexes and foreign keys are built once, after the copies.</summary>
    private static readonly string[] FilledTables =
    [
        "AspNetUsers", "AspNetUserRoles", "Brands", "BrandMembers", "Challenges", "Entries", "LicenceAcceptances", "EntryFiles",
        "EntryFilesRecords", "Awards", "LicenceGrants", "ChallengeJudges", "Scorecards", "Notifications",
    ];

    /// <summary>The helper tables: who is who, which template each copy follows and how far its dates move.</summary>
    private const string PlanSql = """
        CREATE TEMP TABLE bench_words AS SELECT i - 1 AS i, w FROM unnest(@words::text[]) WITH ORDINALITY AS x(w, i);
        CREATE TEMP TABLE bench_users AS
        SELECT n, md5('user' || n)::uuid::text AS id, 'user' || n || '@bench.example' AS email,
               initcap((SELECT w FROM bench_words WHERE i = n % @nwords)) || ' ' || initcap((SELECT w FROM bench_words WHERE i = (n * 7 + 3) % @nwords)) AS name
        FROM generate_series(1, @accounts) n;
        ALTER TABLE bench_users ADD PRIMARY KEY (n);
        ALTER TABLE bench_words ADD PRIMARY KEY (i);
        CREATE TEMP TABLE bench_brands AS
        SELECT s.n, md5('brand' || s.n)::uuid AS id, u.id AS owner_id,
               initcap(w1.w) || ' ' || initcap(w2.w) || ' ' || s.n AS name, w1.w || '-' || w2.w || '-' || s.n AS slug
        FROM generate_series(1, @brands) AS s(n) JOIN bench_users u ON u.n = s.n
        JOIN bench_words w1 ON w1.i = s.n % @nwords JOIN bench_words w2 ON w2.i = (s.n * 13 + 5) % @nwords;
        -- The benchmark brand (choco-lab) takes the first @workspace challenges, the generated brands the rest.
        CREATE TEMP TABLE bench_challenges AS
        WITH base AS (
            SELECT g, CASE WHEN g % 100 < 80 THEN 'C' WHEN g % 100 < 88 THEN 'O' WHEN g % 100 < 93 THEN 'J' ELSE 'S' END AS phase,
                   w1.w AS w1, w2.w AS w2, w3.w AS w3, w4.w AS w4
            FROM generate_series(1, @challenges) g
            JOIN bench_words w1 ON w1.i = (g * 7) % @nwords JOIN bench_words w2 ON w2.i = (g * 31 + 11) % @nwords
            JOIN bench_words w3 ON w3.i = (g * 17 + 101) % @nwords JOIN bench_words w4 ON w4.i = (g / @nwords + g * 3) % @nwords)
        SELECT g, phase, md5('challenge' || g)::uuid AS id,
               CASE WHEN g <= @workspace THEN (SELECT "Id" FROM "Brands" WHERE "Slug" = 'choco-lab') ELSE b.id END AS brand_id,
               CASE WHEN g <= @workspace THEN (SELECT m."UserId" FROM "BrandMembers" m JOIN "Brands" x ON x."Id" = m."BrandId" WHERE x."Slug" = 'choco-lab' AND m."Role" = 'Owner') ELSE b.owner_id END AS owner_id,
               (SELECT "Id" FROM "Challenges" WHERE "Title" = CASE phase WHEN 'C' THEN 'Design our Easter egg box'
                    WHEN 'O' THEN 'Reinvent our chocolate bar''s wrapper' WHEN 'J' THEN 'Name our hazelnut praline'
                    ELSE 'Illustrate our spring campaign' END) AS template_id,
               CASE phase WHEN 'C' THEN -((g % 700) * interval '1 day' + (g % 24) * interval '1 hour')
                    WHEN 'O' THEN ((g % 19) - 15) * interval '1 day' WHEN 'J' THEN ((g % 9) - 8) * interval '1 day'
                    ELSE -(g % 5) * interval '1 day' END AS shift,
               initcap(w1) || ' ' || w2 || ' ' || w3 || ' for ' || w4 AS title,
               left(w1 || '-' || w2 || '-' || w3 || '-for-' || w4, 60) AS slug,
               'A ' || w2 || ' ' || w3 || ' that feels like ' || w1 || ' and ' || w4 || '.' AS summary,
               '## What we want' || chr(10) || 'A **' || w3 || '** inspired by ' || w1 || ', ' || w2 || ' and ' || w4
                   || '. Surprise us: the ' || w4 || ' should still read as ours.' || chr(10) || chr(10)
                   || '## Deliverables' || chr(10) || '- the ' || w3 || ' (PNG or PDF)' || chr(10) || '- one mock-up' AS brief,
               (ARRAY['Packaging','Product','Advertising','Branding','Illustration','Video','Photography','Naming','Other'])[1 + g % 9] AS category,
               ARRAY[w3, w1] AS tags,
               false AS big
        FROM base JOIN bench_brands b ON b.n = 1 + g % @brands;
        -- The first finished and the first judging challenge hold the big judging board; the benchmark brand runs them.
        UPDATE bench_challenges SET big = true,
            brand_id = (SELECT "Id" FROM "Brands" WHERE "Slug" = 'choco-lab'),
            owner_id = (SELECT m."UserId" FROM "BrandMembers" m JOIN "Brands" x ON x."Id" = m."BrandId" WHERE x."Slug" = 'choco-lab' AND m."Role" = 'Owner')
        WHERE g IN (SELECT min(g) FROM bench_challenges WHERE phase IN ('C', 'J') GROUP BY phase);
        -- Entries: the big challenges get @board each, the rest of @entries is spread over finished, open and judging ones.
        CREATE TEMP TABLE bench_entries AS
        WITH eligible AS (
            SELECT c.*, row_number() OVER (ORDER BY g) AS r, count(*) OVER () AS total FROM bench_challenges c
            WHERE phase IN ('C', 'O', 'J') AND NOT big),
        counts AS (
            SELECT g, phase, id, shift, template_id, big, (@entries - 2 * @board) / total
                   + CASE WHEN r <= (@entries - 2 * @board) % total THEN 1 ELSE 0 END AS n_entries FROM eligible
            UNION ALL SELECT g, phase, id, shift, template_id, big, @board FROM bench_challenges WHERE big),
        rows AS (
            SELECT c.g, c.phase, c.id AS challenge_id, c.shift, c.big, k, row_number() OVER (ORDER BY c.g, k) AS n,
                   row_number() OVER (PARTITION BY (c.phase = 'O' AND NOT c.big) ORDER BY k, c.g) AS open_order,
                   row_number() OVER (PARTITION BY (c.phase = 'C' AND k = 2 AND NOT c.big AND c.g > @workspace) ORDER BY c.g) AS creative_order
            FROM counts c CROSS JOIN LATERAL generate_series(0, c.n_entries - 1) k)
        SELECT r.n, r.g, r.k, r.phase, r.challenge_id, md5('entry' || r.n)::uuid AS id, md5('acceptance' || r.n)::uuid AS acceptance_id,
               CASE WHEN r.phase = 'C' AND r.k = 2 AND NOT r.big AND r.g > @workspace AND r.creative_order <= @creative_entries
                    THEN (SELECT "Id" FROM "AspNetUsers" WHERE "Email" = 'creative@bench.example')
                    ELSE (SELECT id FROM bench_users WHERE n = @brands + 1 + (r.g * 7919 + r.k) % (@accounts - @brands)) END AS creative_id,
               CASE WHEN r.phase = 'O' AND NOT r.big AND r.open_order <= @queue THEN 'Submitted' ELSE 'Approved' END AS status,
               initcap(w1.w) || ' ' || w2.w || ' ' || r.k AS title
        FROM rows r JOIN bench_words w1 ON w1.i = (r.n * 11) % @nwords JOIN bench_words w2 ON w2.i = (r.n * 29 + 7) % @nwords;
        -- Each entry copies a template entry of its phase and status; its dates fall inside its challenge's window.
        CREATE TEMP TABLE bench_entry_templates AS
        SELECT DISTINCT ON (c."Title", x."Status") c."Title" AS title, x."Status" AS status, x."Id" AS id, x."SubmittedAt" AS at
        FROM "Entries" x JOIN "Challenges" c ON c."Id" = x."ChallengeId" ORDER BY c."Title", x."Status", x."SubmittedAt";
        ALTER TABLE bench_entries ADD COLUMN template_id uuid, ADD COLUMN submitted_at timestamptz, ADD COLUMN shift interval;
        UPDATE bench_entries e SET template_id = t.id,
               submitted_at = least(c."SubmissionOpensAt" + b.shift + (e.k % 2000) * interval '9 minutes', now() - interval '25 hours'),
               shift = least(c."SubmissionOpensAt" + b.shift + (e.k % 2000) * interval '9 minutes', now() - interval '25 hours') - t.at
        FROM bench_challenges b, "Challenges" c, bench_entry_templates t
        WHERE b.id = e.challenge_id AND c."Id" = b.template_id AND t.status = e.status
          AND t.title = CASE WHEN e.phase = 'C' THEN 'Design our Easter egg box' ELSE 'Name our hazelnut praline' END;
        DROP TABLE bench_entry_templates;
        ALTER TABLE bench_challenges ADD PRIMARY KEY (id);
        ALTER TABLE bench_entries ADD PRIMARY KEY (id);
        """;

    /// <summary>
    /// <c>INSERT INTO table (every column) SELECT ... FROM from</c>: each column from the template row (alias t), or its
    /// override; timestamps moved by <paramref name="shiftBy"/>; generated columns left to PostgreSQL.
    /// </summary>
    private static string CopySql(Dictionary<string, List<(string Name, string Type)>> columns, string table, string from, string? shiftBy,
        Dictionary<string, string> overrides)
    {
        var names = columns[table];
        var values = names.Select(column => overrides.TryGetValue(column.Name, out var value) ? value
            : column.Type == "timestamp with time zone" && shiftBy is not null ? $"t.\"{column.Name}\" {shiftBy}"
            : $"t.\"{column.Name}\"");
        return $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(column => $"\"{column.Name}\""))})\nSELECT {string.Join(", ", values)}\nFROM {from}";
    }

    private static async Task<Dictionary<string, List<(string Name, string Type)>>> ColumnsAsync(NpgsqlConnection connection)
    {
        var columns = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("""
            SELECT table_name, column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            if (!columns.TryGetValue(table, out var list))
            {
                columns[table] = list = [];
            }

            list.Add((reader.GetString(1), reader.GetString(2)));
        }

        return columns;
    }

    private static string[] Words()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Crowdsource.Benchmarks.words.txt")
            ?? throw new InvalidOperationException("words.txt is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
