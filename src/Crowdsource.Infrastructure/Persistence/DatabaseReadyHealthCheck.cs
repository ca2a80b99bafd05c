using Crowdsource.Infrastructure.Persistence.Availability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crowdsource.Infrastructure.Persistence;

/// <summary>
/// Ready when PostgreSQL answers (<see cref="DatabaseAvailability"/>, kept by the watch: no waiting here) and every
/// migration this build knows is applied. The migrations are checked until they are found applied, never for longer
/// than <see cref="Budget"/>, on a context of the check's own: an abandoned check never holds a pooled one.
/// </summary>
internal sealed class DatabaseReadyHealthCheck(IServiceScopeFactory scopes, DatabaseAvailability availability) : IHealthCheck
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1.5);

    private volatile bool _migrated;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (availability.IsDown)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }

        if (_migrated)
        {
            return HealthCheckResult.Healthy("The database answers and is migrated.");
        }

        var check = PendingMigrationsAsync();
        if (await Task.WhenAny(check, Task.Delay(Budget, cancellationToken)) != check)
        {
            return HealthCheckResult.Unhealthy($"The database did not answer within {Budget.TotalSeconds} s.");
        }

        try
        {
            var pending = await check;
            _migrated = pending == 0;
            return pending == 0
                ? HealthCheckResult.Healthy("The database answers and is migrated.")
                : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database could not be checked.", exception);
        }
    }

    private async Task<int> PendingMigrationsAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        using var deadline = new CancellationTokenSource(Budget);
        return (await db.Database.GetPendingMigrationsAsync(deadline.Token)).Count();
    }
}
