using Crowdsource.Infrastructure.Persistence.Availability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crowdsource.Infrastructure.Email;

/// <summary>The background service that drains the outbox every few seconds (and waits while the database is down).</summary>
public sealed partial class OutboxEmailSender(
    IServiceScopeFactory scopes, DatabaseAvailability database, IOptions<EmailOptions> options, TimeProvider clock,
    ILogger<OutboxEmailSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            if (database.IsDown)
            {
                continue;
            }

            try
            {
                int attempted;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    attempted = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(stoppingToken);
                }
                while (attempted == options.Value.BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                BackgroundFailures.Log(logger, "The e-mail outbox", exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
