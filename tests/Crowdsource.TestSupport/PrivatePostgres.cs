using System.Globalization;
using Npgsql;

namespace Crowdsource.TestSupport;

/// <summary>
/// A PostgreSQL server of one test's own (scripts/local-postgres.sh), which the test may kill, freeze and start again
/// to see what the site does meanwhile; the shared test server is never touched. Needs the local PostgreSQL binaries.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "scripts", "local-postgres.sh");
    private readonly string _directory;
    private readonly int _port;

    private PrivatePostgres(string directory, int port, string connectionString)
    {
        _directory = directory;
        _port = port;
        ConnectionString = connectionString;
    }

    /// <summary>A database of its own on this server (created by the site's migrations when it starts).</summary>
    public string ConnectionString { get; }

    public static async Task<PrivatePostgres> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"crowdsource-private-pg-{Guid.NewGuid():N}");
        var port = PostgresServer.FreePort();
        var admin = await StartServerAsync(directory, port);
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = "crowdsource" }.ConnectionString;
        return new PrivatePostgres(directory, port, connectionString);
    }

    /// <summary>Stops the server at once, as <c>pg_ctl stop -m immediate</c> does (SIGQUIT to the postmaster), and waits for it.</summary>
    public async Task KillAsync()
    {
        using var postmaster = Postmaster();
        using (var quit = System.Diagnostics.Process.Start("kill", ["-QUIT", postmaster.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await quit.WaitForExitAsync();
        }

        await postmaster.WaitForExitAsync();
    }

    /// <summary>Starts the server again on the same port and data directory.</summary>
    public Task StartAgainAsync() => StartServerAsync(_directory, _port);

    /// <summary>Every process of the server stops (SIGSTOP): connections are accepted and never answered.</summary>
    public void Freeze() => Signal("STOP");

    public void Thaw() => Signal("CONT");

    public async ValueTask DisposeAsync()
    {
        Thaw();
        await PostgresServer.RunAsync(Script, "stop", _directory);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A cluster directory left in /tmp is harmless.
        }
    }

    private static async Task<string> StartServerAsync(string directory, int port)
    {
        var output = await PostgresServer.RunAsync(Script, "start", directory, "--database", "crowdsource",
            "--port", port.ToString(CultureInfo.InvariantCulture), "--stop-with", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    private System.Diagnostics.Process Postmaster()
    {
        var pidFile = Path.Combine(_directory, "data", "postmaster.pid");
        return System.Diagnostics.Process.GetProcessById(int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture));
    }

    private void Signal(string signal)
    {
        var pidFile = Path.Combine(_directory, "data", "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        var postmaster = File.ReadLines(pidFile).First().Trim();
        // The postmaster and its children (the backends, the background workers).
        using var kill = System.Diagnostics.Process.Start("bash", ["-c", $"kill -{signal} {postmaster} $(pgrep -P {postmaster}) 2>/dev/null || true"]);
        kill.WaitForExit();
    }
}
