using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crowdsource.Infrastructure.Persistence;

/// <summary>Ready when PostgreSQL answers and every committed migration is applied.</summary>
internal sealed class DatabaseReadyHealthCheck(CrowdsourceDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("The database answers and is migrated.")
                : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database could not be checked.", exception);
        }
    }
}
