using Npgsql;

namespace Crowdsource.Infrastructure.Persistence.Availability;

/// <summary>
/// Whether PostgreSQL answers, as the last check found (<see cref="DatabaseWatch"/>). While it does not, pages answer
/// at once with a 503 instead of each waiting for its own connection attempts and retries.
/// </summary>
public sealed class DatabaseAvailability
{
    private volatile bool _down;

    /// <summary>Raised by a failed database call: the watch checks at once instead of at its next interval.</summary>
    internal event Action? Suspected;

    /// <summary>Raised after <see cref="IsDown"/> changed.</summary>
    public event Action? Changed;

    public bool IsDown => _down;

    /// <summary>A call failed as if the database were unreachable: have it checked now.</summary>
    public void Suspect() => Suspected?.Invoke();

    internal void MarkDown()
    {
        _down = true;
        Changed?.Invoke();
    }

    /// <summary>Back up: the pooled connections opened before the outage are dropped, since they are all broken.</summary>
    internal void MarkUp()
    {
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
