using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crowdsource.Infrastructure.Persistence.Availability;

/// <summary>A connection or a statement failed as if the database were unreachable: the watch checks at once.</summary>
internal sealed class DatabaseFailureInterceptor(DatabaseAvailability availability) : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Report(eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Report(eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Report(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Report(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Report(Exception exception)
    {
        if (DatabaseAvailability.IsUnavailableError(exception))
        {
            availability.Suspect();
        }
    }
}
