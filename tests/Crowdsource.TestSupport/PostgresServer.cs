using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Testcontainers.PostgreSql;

namespace Crowdsource.TestSupport;

/// <summary>
/// The PostgreSQL server the tests of this process use, found in the order the architecture asks for:
/// the connection string in CROWDSOURCE_TEST_DB, else a Testcontainers container when a Docker engine answers,
/// else a private cluster started from the local PostgreSQL binaries (scripts/local-postgres.sh), stopped at exit.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "CROWDSOURCE_TEST_DB";

    private static readonly Lazy<Task<string>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string with rights to create databases.</summary>
    public static Task<string> AdminConnectionStringAsync() => Server.Value;

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return await TryContainerAsync() ?? await StartLocalClusterAsync();
    }

    private static async Task<string?> TryContainerAsync()
    {
        try
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return container.GetConnectionString();
        }
#pragma warning disable CA1031 // Any failure here (no Docker engine, no image) means: use the local binaries.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static async Task<string> StartLocalClusterAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "scripts", "local-postgres.sh");
        var directory = Path.Combine(Path.GetTempPath(), $"crowdsource-tests-{Environment.ProcessId}");
        // --stop-with: the script also stops and removes the cluster when this process ends, even when the test host is killed.
        var output = await RunAsync(script, "start", directory, "--fast", "--database", "postgres", "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--stop-with", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(script, "stop", directory).GetAwaiter().GetResult();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A cluster directory left in /tmp is harmless.
            }
        };
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: set {EnvironmentVariable}, start Docker, or install PostgreSQL " +
                $"(apt-get install -y postgresql). {script} said:\n{await stderr}");
        }

        return await stdout;
    }
}
