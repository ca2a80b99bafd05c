using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Files.Uploads;
using Crowdsource.Application.Judging;
using Crowdsource.Application.SavedSearches;
using Crowdsource.Infrastructure.Persistence.Availability;
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
/// Keeps the promises dates make, whether or not anyone visits a page: opens challenges and closes submissions on time,
/// reminds followers a day before the deadline, and awards the prizes from the panel's ranking when the judging
/// deadline passes without confirmed winners; tells people of new challenges that match their saved searches (and sends
/// the daily digests); and deletes the uploads left unfinished or unused. Rounds are skipped while the database is down. Safe with several app instances: each use case locks what it changes
/// (FOR UPDATE SKIP LOCKED), and one failing step does not hold back the others.
/// </summary>
public sealed class ChallengeClock(
    IServiceScopeFactory scopes, DatabaseAvailability database, IOptions<SchedulingOptions> options, TimeProvider clock,
    CrowdsourceMetrics metrics, ILogger<ChallengeClock> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ChallengeClockInterval, clock);
        metrics.ClockStarted(clock.GetUtcNow());
        do
        {
            if (database.IsDown)
            {
                continue;
            }

            // The lag metric: what was due when a round began is done once every step of that round succeeded.
            var roundStart = clock.GetUtcNow();
            var done = await RunInBatchesAsync(() => new AdvanceChallengesWithTime.Command(), AdvanceChallengesWithTime.BatchSize, stoppingToken);
            done &= await RunInBatchesAsync(() => new RemindFollowersOfDeadline.Command(), RemindFollowersOfDeadline.BatchSize, stoppingToken);
            done &= await RunInBatchesAsync(() => new AwardOverdueChallenges.Command(), AwardOverdueChallenges.BatchSize, stoppingToken);
            await RunInBatchesAsync(() => new NotifySavedSearchMatches.Command(), NotifySavedSearchMatches.BatchSize, stoppingToken);
            await RunInBatchesAsync(() => new SendSavedSearchDigests.Command(), SendSavedSearchDigests.BatchSize, stoppingToken);
            await RunInBatchesAsync(() => new DeleteAbandonedUploads.Command(), DeleteAbandonedUploads.BatchSize, stoppingToken);
            if (done)
            {
                metrics.ClockCaughtUp(roundStart);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends the command again while it handled a full batch (each batch in its own scope and transaction); false when it failed.</summary>
    private async Task<bool> RunInBatchesAsync(Func<ICommand<int>> command, int batchSize, CancellationToken stoppingToken)
    {
        try
        {
            int handled;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                handled = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command(), stoppingToken);
            }
            while (handled >= batchSize && !stoppingToken.IsCancellationRequested);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            BackgroundFailures.Log(logger, "The challenge clock", exception);
            return false;
        }
    }
}
