using Crowdsource.Application.Challenges;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crowdsource.Infrastructure.Scheduling;

/// <summary>How often the challenge clock looks for due transitions (section "Scheduling").</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    public TimeSpan ChallengeClockInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Opens challenges, reminds followers a day before the deadline and closes submissions on time, whether or not anyone
/// visits a page. Safe with several app
/// instances: the use case locks what it moves.
/// </summary>
internal sealed partial class ChallengeClock(
    IServiceScopeFactory scopes, IOptions<SchedulingOptions> options, TimeProvider clock, ILogger<ChallengeClock> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ChallengeClockInterval, clock);
        do
        {
            try
            {
                int moved;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    moved = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AdvanceChallengesWithTime.Command(), stoppingToken);
                }
                while (moved >= AdvanceChallengesWithTime.BatchSize && !stoppingToken.IsCancellationRequested);

                int reminded;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    reminded = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RemindFollowersOfDeadline.Command(), stoppingToken);
                }
                while (reminded >= RemindFollowersOfDeadline.BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The challenge clock could not move challenges along")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
