using Crowdsource.Infrastructure.Persistence.Availability;
using Microsoft.Extensions.Logging;

namespace Crowdsource.Infrastructure;

/// <summary>
/// How background work reports a round that failed: a database that cannot be reached is one warning line (the
/// database watch reports the outage itself, and the work skips its rounds until the database is back); anything else
/// is an error with its stack trace.
/// </summary>
internal static partial class BackgroundFailures
{
    public static void Log(ILogger logger, string work, Exception exception)
    {
        if (DatabaseAvailability.IsUnavailableError(exception))
        {
            LogDatabaseUnavailable(logger, work, exception.Message);
        }
        else
        {
            LogFailed(logger, work, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} waits for the database: {Reason}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string work, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed; it tries again at its next round")]
    private static partial void LogFailed(ILogger logger, string work, Exception exception);
}
