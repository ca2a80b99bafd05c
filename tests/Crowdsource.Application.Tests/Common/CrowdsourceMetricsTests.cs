using System.Diagnostics.Metrics;
using Crowdsource.Application.Common;
using Crowdsource.Application.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Crowdsource.Application.Tests.Common;

/// <summary>Issue 12: the challenge clock's lag, as operators alert on it, and the upload bytes the upload code records.</summary>
public sealed class CrowdsourceMetricsTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public void The_clock_lag_grows_until_a_round_completes_and_then_counts_from_that_round_s_start()
    {
        using var services = fixture.BuildServices(_ => { });
        var metrics = services.GetRequiredService<CrowdsourceMetrics>();
        using var lag = new MetricCollector<double>(services.GetRequiredService<IMeterFactory>(), CrowdsourceMetrics.MeterName, "crowdsource.clock.lag");

        lag.RecordObservableInstruments();
        Assert.Empty(lag.GetMeasurementSnapshot()); // no clock in this process: no value rather than a reassuring 0

        metrics.ClockStarted(fixture.Clock.GetUtcNow());
        fixture.Clock.Advance(TimeSpan.FromSeconds(40)); // a first round still running, or failing
        lag.RecordObservableInstruments();
        Assert.Equal(40, lag.LastMeasurement!.Value, precision: 3);

        var roundStart = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        metrics.ClockCaughtUp(roundStart);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        lag.RecordObservableInstruments();
        Assert.Equal(7, lag.LastMeasurement!.Value, precision: 3);
    }

    [Fact]
    public void Upload_bytes_are_counted_by_kind()
    {
        using var services = fixture.BuildServices(_ => { });
        var metrics = services.GetRequiredService<CrowdsourceMetrics>();
        using var bytes = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(), CrowdsourceMetrics.MeterName, "crowdsource.uploads.bytes");

        metrics.RecordUploadBytes(1_500, "form");
        metrics.RecordUploadBytes(0, "form");
        metrics.RecordUploadBytes(300, "chunked");

        Assert.Equal(
            [(1_500L, "form"), (300L, "chunked")],
            bytes.GetMeasurementSnapshot().Select(measurement => (measurement.Value, (string)measurement.Tags["kind"]!)));
    }
}
