using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Crowdsource.Infrastructure.Persistence.Availability;

/// <summary>
/// Npgsql's retries for transient failures (a dropped connection, a blip), with short waits, and none once the
/// database is known to be down: the person gets the 503 page at once rather than after every retry.
/// </summary>
internal sealed class OutageAwareExecutionStrategy(ExecutionStrategyDependencies dependencies, DatabaseAvailability availability)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    public const int MaxRetries = 3;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    protected override bool ShouldRetryOn(Exception? exception) => !availability.IsDown && base.ShouldRetryOn(exception);
}
