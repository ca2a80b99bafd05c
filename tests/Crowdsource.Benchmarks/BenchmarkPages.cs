using Npgsql;

namespace Crowdsource.Benchmarks;

public enum PageKind
{
    /// <summary>A public page requested without signing in (target: at least 0.5x the home page's requests/s).</summary>
    Anonymous,

    /// <summary>A page requested signed in (target: at least 0.1x the home page's requests/s).</summary>
    SignedIn,
}

/// <param name="Name">Short name in the tables.</param>
/// <param name="Path">Path and query, from the site's root.</param>
/// <param name="Account">E-mail of the <see cref="BenchmarkAccounts"/> account to sign in as; null for anonymous.</param>
/// <param name="Kind">Anonymous or signed in (which target applies).</param>
/// <param name="IsList">A list page (target: at most 60 KB whatever the volume).</param>
public sealed record BenchmarkPage(string Name, string Path, string? Account, PageKind Kind, bool IsList);

/// <summary>
/// The pages issue 11 measures, with the ids of a loaded database: the one list that bench.sh and the smoke test use.
/// </summary>
public static class BenchmarkPages
{
    public static async Task<IReadOnlyList<BenchmarkPage>> ResolveAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        async Task<string> ScalarAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)
                ?? throw new InvalidOperationException($"The benchmark data is missing: {sql}");
        }

        const string Bench = "(SELECT \"Id\" FROM \"Brands\" WHERE \"Slug\" = 'choco-lab')";
        var listed = int.Parse(await ScalarAsync(
            "SELECT count(*) FROM \"Challenges\" WHERE \"Status\" IN ('Scheduled', 'Open', 'Judging', 'WinnersAnnounced', 'Completed') AND \"Visibility\" = 'Public'"),
            System.Globalization.CultureInfo.InvariantCulture);
        var lastPage = Math.Max(1, (listed + 11) / 12);
        var open = await ScalarAsync("SELECT \"Id\" || '/' || \"Slug\" FROM \"Challenges\" WHERE \"Status\" = 'Open' ORDER BY \"Id\" DESC LIMIT 1");
        // The benchmark brand's biggest finished and judging challenges (the loader gives them the most entries).
        string Biggest(string status) => $"""
            SELECT c."Id" FROM "Challenges" c JOIN "Entries" e ON e."ChallengeId" = c."Id"
            WHERE c."BrandId" = {Bench} AND c."Status" = '{status}' GROUP BY c."Id" ORDER BY count(*) DESC LIMIT 1
            """;
        var finished = await ScalarAsync(Biggest("Completed"));
        var judging = await ScalarAsync(Biggest("Judging"));
        var brand = await ScalarAsync(Bench);
        var creative = await ScalarAsync("SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'creative@bench.example'");

        string? C = BenchmarkAccounts.Creative.Email, B = BenchmarkAccounts.Brand.Email, M = BenchmarkAccounts.Moderator.Email;
        return
        [
            new("home", "/", null, PageKind.Anonymous, IsList: false),
            new("list", "/Challenges", null, PageKind.Anonymous, IsList: true),
            new("search 1 word", "/Challenges?q=chocolate", null, PageKind.Anonymous, IsList: true),
            new("search 2 words", "/Challenges?q=chocolate+box", null, PageKind.Anonymous, IsList: true),
            new("filters + sort", "/Challenges?Category=Packaging&phase=Finished&min=1000&sort=Prize", null, PageKind.Anonymous, IsList: true),
            new("deep page", $"/Challenges?p={Math.Max(1, lastPage - 1)}", null, PageKind.Anonymous, IsList: true),
            new("challenge", $"/Challenges/{open}", null, PageKind.Anonymous, IsList: false),
            new("results", $"/Challenges/{finished}/results", null, PageKind.Anonymous, IsList: true),
            new("winners", "/Winners", null, PageKind.Anonymous, IsList: true),
            new("brand page", "/b/choco-lab", null, PageKind.Anonymous, IsList: true),
            new("creative profile", $"/c/{creative}", null, PageKind.Anonymous, IsList: true),
            new("list (signed in)", "/Challenges", C, PageKind.SignedIn, IsList: true),
            new("challenge (signed in)", $"/Challenges/{open}", C, PageKind.SignedIn, IsList: false),
            new("my entries", "/Entries", C, PageKind.SignedIn, IsList: true),
            new("notifications", "/Notifications", C, PageKind.SignedIn, IsList: true),
            new("brand workspace", $"/Brands/Workspace/{brand}", B, PageKind.SignedIn, IsList: true),
            new("screening queue", "/Moderation/Queue", M, PageKind.SignedIn, IsList: true),
            new("judging board", $"/Moderation/Judging/{judging}", M, PageKind.SignedIn, IsList: true),
            new("results CSV", $"/Challenges/{finished}/results.csv", B, PageKind.SignedIn, IsList: false),
        ];
    }
}
