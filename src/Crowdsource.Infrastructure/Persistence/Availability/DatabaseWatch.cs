using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crowdsource.Infrastructure.Persistence.Availability;

/// <summary>How often and how patiently <see cref="DatabaseWatch"/> asks PostgreSQL whether it answers.</summary>
public sealed class DatabaseWatchOptions
{
    public const string Section = "DatabaseWatch";

    /// <summary>Between two checks while the database answers (a frozen database is noticed within this plus the timeout).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Between two checks while it does not (recovery is noticed within this).</summary>
    public TimeSpan DownInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A check that takes longer counts as "down".</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Asks PostgreSQL "SELECT 1" on a connection of its own, at an interval, and at once when a call failed
/// (<see cref="DatabaseAvailability.Suspect"/>), and keeps <see cref="DatabaseAvailability"/> up to date. Its own
/// connection: a check never waits behind the site's connections.
/// </summary>
internal sealed partial class DatabaseWatch(
    DatabaseAvailability availability, IConfiguration configuration, IOptions<DatabaseWatchOptions> options, ILogger<DatabaseWatch> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var connectionString = CheckConnectionString(configuration.GetConnectionString(DependencyInjection.ConnectionStringName), settings.Timeout);
        if (connectionString is null)
        {
            return;
        }

        availability.Suspected += Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var answers = await AnswersAsync(connectionString, settings.Timeout, stoppingToken);
                if (answers && availability.IsDown)
                {
                    availability.MarkUp();
                    LogUp(logger);
                }
                else if (!answers && !availability.IsDown)
                {
                    availability.MarkDown();
                    LogDown(logger);
                }

                try
                {
                    await _wake.WaitAsync(availability.IsDown ? settings.DownInterval : settings.Interval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            availability.Suspected -= Wake;
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A check is already due.
        }
        catch (ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private static async Task<bool> AnswersAsync(string connectionString, TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(timeout);
        var check = CheckAsync(connectionString, deadline.Token);
        // A frozen server may not even let the cancellation through: the answer is "down" when the time is up.
        var finished = await Task.WhenAny(check, Task.Delay(timeout + TimeSpan.FromMilliseconds(100), stoppingToken));
        return finished == check && await check;
    }

    private static async Task<bool> CheckAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// The site's database, in a pool of one connection of the watch's own (a broken one is dropped), with the check's
    /// timeout and no wait for a cancellation that a frozen server would never confirm.
    /// </summary>
    private static string? CheckConnectionString(string? connectionString, TimeSpan timeout)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        return new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "crowdsource-database-watch",
            MaxPoolSize = 1,
            Timeout = seconds,
            CommandTimeout = seconds,
            CancellationTimeout = -1,
        }.ConnectionString;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The database does not answer: pages answer 503 until it does")]
    private static partial void LogDown(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database answers again")]
    private static partial void LogUp(ILogger logger);
}
