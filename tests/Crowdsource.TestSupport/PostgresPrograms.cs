using System.Diagnostics;
using Npgsql;

namespace Crowdsource.TestSupport;

/// <summary>
/// The PostgreSQL client programs (pg_dump, pg_restore) run against a connection string, as an operator runs them
/// (docs/operations.md): found on PATH, else in the highest /usr/lib/postgresql/*/bin, as scripts/local-postgres.sh does.
/// </summary>
public static class PostgresPrograms
{
    /// <summary><c>pg_dump -Fc</c>: the whole database (files included: they live in it) in one archive.</summary>
    public static Task DumpAsync(string connectionString, string archive) =>
        RunAsync("pg_dump", connectionString, "--format=custom", "--file", archive);

    /// <summary><c>pg_restore</c> of such an archive into an existing, empty database.</summary>
    public static Task RestoreAsync(string archive, string connectionString) =>
        RunAsync("pg_restore", connectionString, "--no-owner", "--exit-on-error", archive);

    private static async Task RunAsync(string program, string connectionString, params string[] arguments)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(program)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--host", settings.Host!, "--port", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--username", settings.Username!, "--dbname", settings.Database!, "--no-password", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(settings.Password))
        {
            start.Environment["PGPASSWORD"] = settings.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await stderr}");
        }
    }

    private static string Find(string program)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        var packaged = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(directory => (Version: int.TryParse(Path.GetFileName(directory), out var version) ? version : 0, Path: Path.Combine(directory, "bin", program)))
                .Where(candidate => File.Exists(candidate.Path))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Path)
                .FirstOrDefault()
            : null;
        return packaged ?? throw new InvalidOperationException(
            $"{program} not found on PATH nor under /usr/lib/postgresql/*/bin: apt-get install -y postgresql-client (or postgresql).");
    }
}
