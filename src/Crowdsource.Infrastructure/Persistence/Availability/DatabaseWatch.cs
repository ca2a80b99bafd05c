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

    /// <summary>
    /// A check that takes longer has not answered. A database busy with heavy statements on a small machine was
    /// measured taking more than a second to answer "SELECT 1": slow is not down.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Checks in a row without an answer before the database counts as down (a refused connection counts at once).</summary>
    public int UnansweredChecksBeforeDown { get; set; } = 2;
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
            var unanswered = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                var answer = await CheckAsync(connectionString, settings.Timeout, stoppingToken);
                unanswered = answer == Answer.None ? unanswered + 1 : 0;
                if (answer == Answer.Yes && availability.IsDown)
                {
                    availability.MarkUp();
                    LogUp(logger);
                }
                else if ((answer == Answer.Refused || unanswered >= settings.UnansweredChecksBeforeDown) && !availability.IsDown)
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

    private enum Answer
    {
        Yes,

        /// <summary>Not within the timeout: a frozen database, or one too busy to answer in time.</summary>
        None,

        /// <summary>The connection was refused or broken: the server is not there.</summary>
        Refused,
    }

    private static async Task<Answer> CheckAsync(string connectionString, TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(timeout);
        var check = SelectOneAsync(connectionString, deadline.Token);
        // A frozen server may not even let the cancellation through: no answer when the time is up.
        var finished = await Task.WhenAny(check, Task.Delay(timeout + TimeSpan.FromMilliseconds(100), stoppingToken));
        return finished == check ? await check : Answer.None;
    }

    private static async Task<Answer> SelectOneAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return await command.ExecuteScalarAsync(cancellationToken) is 1 ? Answer.Yes : Answer.None;
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException
            || exception.InnerException is TimeoutException or OperationCanceledException)
        {
            return Answer.None;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            return Answer.Refused;
        }
    }

    /// <summary>
    /// The site's database on a connection opened for the check alone (none is held between checks, none reused after
    /// it broke), with the check's timeout and no wait for a cancellation that a frozen server would never confirm.
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
            Pooling = false,
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
