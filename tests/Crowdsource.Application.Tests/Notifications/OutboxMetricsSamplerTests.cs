using System.Diagnostics.Metrics;
using Crowdsource.Application.Common;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Notifications;
using Crowdsource.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Crowdsource.Application.Tests.Notifications;

/// <summary>
/// Issue 12: the outbox gauges come from a read of the OutgoingEmails table by the sampler (never from the scrape):
/// the messages not sent, per status whatever its name (the "Failed" status is to be called "Parked"), and the age of
/// the oldest pending one.
/// </summary>
public sealed class OutboxMetricsSamplerTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task QueueAsync(string status, TimeSpan ago)
    {
        var email = OutgoingEmail.Create(Support.Accounts.NewEmail("reader"), "Ada", "Hello", "Body", "<p>Body</p>", fixture.Clock.GetUtcNow() - ago);
        await fixture.DbAsync(async db =>
        {
            db.OutgoingEmails.Add(email);
            await db.SaveChangesAsync();

            // As stored, so that a status the domain does not know yet (or no longer) is counted too.
            return await db.Database.ExecuteSqlAsync($"""UPDATE "OutgoingEmails" SET "Status" = {status} WHERE "Id" = {email.Id}""");
        });
    }

    [Fact]
    public async Task Counts_the_messages_not_sent_per_status_and_the_age_of_the_oldest_pending_one()
    {
        var meters = fixture.Services.GetRequiredService<IMeterFactory>();
        using var depth = new MetricCollector<long>(meters, CrowdsourceMetrics.MeterName, "crowdsource.outbox.depth");
        using var oldestAge = new MetricCollector<double>(meters, CrowdsourceMetrics.MeterName, "crowdsource.outbox.oldest_age");
        await QueueAsync("Pending", TimeSpan.FromMinutes(3));
        await QueueAsync("Pending", TimeSpan.FromMinutes(1));
        await QueueAsync("Sent", TimeSpan.FromHours(5));
        await QueueAsync("Parked", TimeSpan.FromHours(2));

        await ActivatorUtilities.CreateInstance<OutboxMetricsSampler>(fixture.Services).SampleAsync(CancellationToken.None);
        depth.RecordObservableInstruments();
        oldestAge.RecordObservableInstruments();

        var byStatus = depth.GetMeasurementSnapshot().ToDictionary(measurement => (string)measurement.Tags["status"]!, measurement => measurement.Value);
        Assert.Equal(new Dictionary<string, long> { ["pending"] = 2, ["parked"] = 1 }, byStatus);
        Assert.Equal(180, Assert.Single(oldestAge.GetMeasurementSnapshot()).Value, precision: 3);
    }
}
