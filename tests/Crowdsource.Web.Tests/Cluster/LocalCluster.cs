using System.Diagnostics;
using System.Globalization;
using System.Net;
using Crowdsource.TestSupport;
using Npgsql;

namespace Crowdsource.Web.Tests.Cluster;

/// <summary>
/// The production topology started by scripts/local-cluster.sh: two instances of the built site (Production, the same
/// settings, database and key certificate) behind nginx, on a fresh, empty database of the test server (both instances
/// migrate it at once). The first instance seeds the demo data. The clock and the outbox act every second.
/// Extension point (an instance killed mid-upload, the upload resumed through the other): <see cref="Instances"/>
/// gives each instance's address and process (<see cref="ClusterInstance.KillAsync"/>), <see cref="ProxyUrl"/> the
/// way in that survives it (nginx skips an instance that refuses connections), <see cref="Client"/> a client that
/// notes which instance answered. A test that kills an instance belongs in a class of its own: each class with
/// <c>IClassFixture&lt;LocalCluster&gt;</c> gets a cluster of its own, the tests of one class share theirs.
/// </summary>
public sealed class LocalCluster : IAsyncLifetime
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "scripts", "local-cluster.sh");
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"crowdsource-cluster-{Guid.NewGuid():N}");

    public Uri ProxyUrl { get; private set; } = null!;

    /// <summary>The connection string of the cluster's database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public IReadOnlyList<ClusterInstance> Instances { get; private set; } = [];

    /// <summary>The e-mails each instance wrote (its own pickup directory), as file paths.</summary>
    public IReadOnlyList<string> SentEmails() =>
        [.. Instances.SelectMany(instance => Directory.Exists(instance.PickupDirectory)
            ? Directory.GetFiles(instance.PickupDirectory, "*.eml")
            : [])];

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/sbin/nginx") && !OnPath("nginx"))
        {
            throw new InvalidOperationException(
                "The cluster tests need nginx (only its binary: no service is started). Install it with: apt-get install -y nginx");
        }

        ConnectionString = await CreateEmptyDatabaseAsync();
        var port = Support.CrowdsourceWebFactory.FreeLoopbackAddress().Port;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["start", "--state", _state, "--port", port.ToString(CultureInfo.InvariantCulture),
            "--app", WebBuildOutput(), "--demo", "--stop-with", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Insert(0, Script);
        start.Environment["ConnectionStrings__Crowdsource"] = ConnectionString;
        // Short rounds, so that the tests wait seconds for the clock and the outbox; limits high enough for a test's log-ins.
        start.Environment["Scheduling__ChallengeClockInterval"] = "00:00:01";
        start.Environment["Email__PollInterval"] = "00:00:01";
        start.Environment["RateLimits__LogInPerAddressPerMinute"] = "1000";
        start.Environment["RateLimits__AccountFormsPerAddressPerMinute"] = "1000";
        start.Environment["RateLimits__ActionsPerAddressPerMinute"] = "1000";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");

        using var script = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
        var stdout = script.StandardOutput.ReadToEndAsync();
        var stderr = script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        if (script.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Script} start failed ({script.ExitCode}):\n{await stderr}");
        }

        ProxyUrl = new Uri((await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1] + "/");
        Instances = [Instance("web1"), Instance("web2")];
    }

    private ClusterInstance Instance(string name)
    {
        var run = Path.Combine(_state, "run");
        var port = int.Parse(File.ReadAllText(Path.Combine(run, $"{name}.port")).Trim(), CultureInfo.InvariantCulture);
        var pid = int.Parse(File.ReadAllText(Path.Combine(run, $"{name}.pid")).Trim(), CultureInfo.InvariantCulture);
        return new ClusterInstance(name, new Uri($"http://127.0.0.1:{port}/"), pid, Path.Combine(_state, "mail", name),
            Path.Combine(_state, "logs", $"{name}.log"));
    }

    /// <summary>The site as test.sh built it (src/Crowdsource.Web/bin/&lt;the tests' configuration&gt;/net10.0).</summary>
    private static string WebBuildOutput()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var output = Path.Combine(RepositoryRoot.Path, "src", "Crowdsource.Web", "bin", tests.Parent!.Name, tests.Name);
        return File.Exists(Path.Combine(output, "Crowdsource.Web.dll"))
            ? output
            : throw new InvalidOperationException($"The site is not built in {output}: build the solution first (dotnet build Crowdsource.sln -c {tests.Parent.Name}).");
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));

    private static async Task<string> CreateEmptyDatabaseAsync()
    {
        var admin = await PostgresServer.AdminConnectionStringAsync();
        var name = $"crowdsource_cluster_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary>The first value of a query on the cluster's database.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A client that keeps its cookies in <paramref name="cookies"/> and notes which instance answered.</summary>
    public static HttpClient Client(Uri address, CookieContainer cookies, List<string>? upstreams = null) =>
        new(new UpstreamRecorder(upstreams ?? []) { InnerHandler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false } })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public async Task DisposeAsync()
    {
        using (var stop = Process.Start("bash", [Script, "stop", "--state", _state]))
        {
            await stop.WaitForExitAsync();
        }

        if (ConnectionString.Length > 0)
        {
            await TestDatabases.DropAsync(ConnectionString);
        }

        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // A state directory left in /tmp is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // nginx's temporary folders may belong to its worker user (as root): left in /tmp, harmless.
        }
    }
}
