using Crowdsource.Application.Common;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Infrastructure.Persistence.Availability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crowdsource.Infrastructure.Telemetry;

/// <summary>
/// Reads the outbox's depth every <see cref="Interval"/> for the gauges of <see cref="CrowdsourceMetrics"/>, so a
/// scrape never waits on the database (and is answered while it is down, with the last values read). Skipped while
/// nothing collects the gauges or while the database is down.
/// </summary>
public sealed partial class OutboxMetricsSampler(
    IServiceScopeFactory scopes, CrowdsourceMetrics metrics, DatabaseAvailability availability, TimeProvider clock,
    ILogger<OutboxMetricsSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            if (metrics.OutboxObserved && !availability.IsDown)
            {
                try
                {
                    await SampleAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(logger, exception);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// One read: the messages not sent, per status as stored ("Pending", "Failed" or "Parked"...: whatever the names,
    /// every status but "Sent" counts), and the creation time of the oldest pending one.
    /// </summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();

        // "< 'Sent' OR > 'Sent'" rather than "<> 'Sent'": two ranges of the (Status, NextAttemptAt) index, so the
        // sent messages, which pile up for good, are never read.
        var rows = await db.Database.SqlQuery<StatusRow>($"""
            SELECT "Status" AS "Status", count(*) AS "Count", min("CreatedAt") AS "OldestCreatedAt"
            FROM "OutgoingEmails"
            WHERE "Status" < 'Sent' OR "Status" > 'Sent'
            GROUP BY "Status"
            """).ToListAsync(cancellationToken);

        metrics.ObserveOutbox(
            rows.ToDictionary(row => row.Status, row => row.Count, StringComparer.Ordinal),
            rows.SingleOrDefault(row => row.Status == "Pending")?.OldestCreatedAt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox metrics could not be read")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    private sealed class StatusRow
    {
        public string Status { get; init; } = string.Empty;

        public long Count { get; init; }

        public DateTimeOffset OldestCreatedAt { get; init; }
    }
}
