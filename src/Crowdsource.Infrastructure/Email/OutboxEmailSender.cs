using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crowdsource.Infrastructure.Email;

/// <summary>The background service that drains the outbox every few seconds.</summary>
internal sealed partial class OutboxEmailSender(
    IServiceScopeFactory scopes, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxEmailSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
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
                // The database may be briefly unreachable; the next tick tries again.
                LogCycleFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The e-mail outbox could not be processed")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);
}
