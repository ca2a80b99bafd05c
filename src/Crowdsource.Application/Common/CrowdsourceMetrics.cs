using System.Diagnostics.Metrics;

namespace Crowdsource.Application.Common;

/// <summary>
/// The site's own metrics, on one meter named <see cref="MeterName"/> (docs/metrics.md lists them for operators).
/// Made through <see cref="IMeterFactory"/>, so each host (and each test's host) has its own meter, which
/// <c>MetricCollector</c> can observe. Recording costs next to nothing while no exporter listens.
/// </summary>
public sealed class CrowdsourceMetrics
{
    public const string MeterName = "Crowdsource";

    private readonly TimeProvider _clock;
    private readonly Counter<long> _entriesSubmitted;
    private readonly Counter<long> _uploadBytes;
    private readonly Counter<long> _rateLimitRejections;
    private readonly ObservableGauge<long> _outboxDepth;
    private readonly ObservableGauge<double> _outboxOldestAge;

    // Written by the outbox sampler and the challenge clock, read by the gauges when a scrape or an export collects.
    private volatile OutboxSample? _outbox;
    private long _clockCaughtUpTicks = -1;

    public CrowdsourceMetrics(IMeterFactory meterFactory, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _clock = clock;
        var meter = meterFactory.Create(MeterName);
        _entriesSubmitted = meter.CreateCounter<long>(
            "crowdsource.entries.submitted", "{entry}", "Entries submitted to challenges.");
        _uploadBytes = meter.CreateCounter<long>(
            "crowdsource.uploads.bytes", "By", "Bytes of files received and stored, by kind of upload.");
        _rateLimitRejections = meter.CreateCounter<long>(
            "crowdsource.rate_limit.rejections", "{request}", "Requests refused with 429 by the rate limits, by group.");
        _outboxDepth = meter.CreateObservableGauge(
            "crowdsource.outbox.depth", ObserveOutboxDepth, "{email}", "E-mails in the outbox not sent yet, by status (sampled every 15 s).");
        _outboxOldestAge = meter.CreateObservableGauge(
            "crowdsource.outbox.oldest_age", ObserveOutboxOldestAge, "s", "Age of the oldest pending e-mail (0 when none; sampled every 15 s).");
        meter.CreateObservableGauge(
            "crowdsource.clock.lag", ObserveClockLag, "s",
            "Seconds since the start of the challenge clock's last round that completed without error: how late a due transition may be.");
    }

    /// <summary>Whether anything collects the outbox gauges: the sampler does not query the database otherwise.</summary>
    public bool OutboxObserved => _outboxDepth.Enabled || _outboxOldestAge.Enabled;

    /// <summary>An entry's row was saved (a repeated form that finds its entry already there is not counted again).</summary>
    public void EntrySubmitted() => _entriesSubmitted.Add(1);

    /// <summary>Bytes of uploaded files received; <paramref name="kind"/> says how they came: "chunked" (resumable uploads) or "form".</summary>
    public void RecordUploadBytes(long bytes, string kind)
    {
        if (bytes > 0)
        {
            _uploadBytes.Add(bytes, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    /// <summary>A request refused by the rate limits of <paramref name="group"/> ("log_in", "account_form", "action").</summary>
    public void RateLimitRejected(string group) =>
        _rateLimitRejections.Add(1, new KeyValuePair<string, object?>("group", group));

    /// <summary>
    /// The outbox as last read: messages not sent, per status as stored (reported lower-cased), and when the oldest
    /// pending one was created (null when none is pending).
    /// </summary>
    public void ObserveOutbox(IReadOnlyDictionary<string, long> notSentByStatus, DateTimeOffset? oldestPendingCreatedAt)
    {
        ArgumentNullException.ThrowIfNull(notSentByStatus);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal) { ["pending"] = 0 };

        // A status seen before and now empty reads 0, rather than its last count forever.
        foreach (var status in _outbox?.Counts.Keys ?? [])
        {
            counts[status] = 0;
        }

        foreach (var (status, count) in notSentByStatus)
        {
            counts[status.ToLowerInvariant()] = count;
        }

        _outbox = new OutboxSample(counts, oldestPendingCreatedAt);
    }

    /// <summary>The clock starts: its lag counts from now until its first round completes.</summary>
    public void ClockStarted(DateTimeOffset now) =>
        Interlocked.CompareExchange(ref _clockCaughtUpTicks, now.UtcTicks, -1);

    /// <summary>A round that began at <paramref name="roundStart"/> completed every step: what was due then is done.</summary>
    public void ClockCaughtUp(DateTimeOffset roundStart) => Interlocked.Exchange(ref _clockCaughtUpTicks, roundStart.UtcTicks);

    private IEnumerable<Measurement<long>> ObserveOutboxDepth()
    {
        var sample = _outbox;
        return sample is null
            ? []
            : sample.Counts.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("status", pair.Key)));
    }

    private IEnumerable<Measurement<double>> ObserveOutboxOldestAge()
    {
        var sample = _outbox;
        if (sample is null)
        {
            return [];
        }

        var age = sample.OldestPendingCreatedAt is { } oldest ? Math.Max(0, (_clock.GetUtcNow() - oldest).TotalSeconds) : 0;
        return [new Measurement<double>(age)];
    }

    private IEnumerable<Measurement<double>> ObserveClockLag()
    {
        var ticks = Interlocked.Read(ref _clockCaughtUpTicks);
        return ticks < 0
            ? []
            : [new Measurement<double>(Math.Max(0, (_clock.GetUtcNow().UtcTicks - ticks) / (double)TimeSpan.TicksPerSecond))];
    }

    private sealed record OutboxSample(IReadOnlyDictionary<string, long> Counts, DateTimeOffset? OldestPendingCreatedAt);
}
