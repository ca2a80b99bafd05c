using Npgsql;

namespace Crowdsource.Infrastructure.Persistence.Availability;

/// <summary>
/// Whether PostgreSQL answers, as the last check found (<see cref="DatabaseWatch"/>). While it does not, pages answer
/// at once with a 503 instead of each waiting for its own connection attempts and retries; the tokens of requests
/// already waiting on it are cancelled (<see cref="WhileUp"/>).
/// </summary>
public sealed class DatabaseAvailability : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _whileUp = new();
    private volatile bool _down;

    /// <summary>Raised by a failed database call: the watch checks at once instead of at its next interval.</summary>
    internal event Action? Suspected;

    public bool IsDown => _down;

    /// <summary>Raised after <see cref="IsDown"/> changed.</summary>
    public event Action? Changed;

    /// <summary>Cancelled when the database is found down: a request links it to its own token.</summary>
    public CancellationToken WhileUp
    {
        get
        {
            lock (_gate)
            {
                return _whileUp.Token;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _whileUp.Dispose();
        }
    }

    /// <summary>A call failed as if the database were unreachable: have it checked now.</summary>
    public void Suspect() => Suspected?.Invoke();

    internal void MarkDown()
    {
        CancellationTokenSource cancelled;
        lock (_gate)
        {
            if (_down)
            {
                return;
            }

            _down = true;
            cancelled = _whileUp;
            _whileUp = new CancellationTokenSource();
        }

        // On the thread pool: a waiting statement's cancellation talks to the server, which may not answer.
        _ = Task.Run(() =>
        {
            cancelled.Cancel();
            cancelled.Dispose();
        });
        Changed?.Invoke();
    }

    /// <summary>Back up: the pooled connections opened before the outage are dropped, since they are all broken.</summary>
    internal void MarkUp()
    {
        if (!_down)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        _down = false;
        Changed?.Invoke();
    }

    /// <summary>
    /// An error that means the database cannot be reached (refused, reset, timed out, shutting down, too many
    /// connections), as opposed to one that a statement caused (a conflict, a deadlock, a constraint).
    /// </summary>
    public static bool IsUnavailableError(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                        or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections:
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException { IsTransient: true }:
                    return true;
                case TimeoutException or System.Net.Sockets.SocketException:
                    return true;
            }
        }

        return false;
    }
}
