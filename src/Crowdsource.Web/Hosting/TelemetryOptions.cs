namespace Crowdsource.Web.Hosting;

/// <summary>Where the Prometheus metrics are served (section "Telemetry"; README, "Configuration"; docs/metrics.md).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The port of the metrics endpoint (<c>/metrics</c>, and nothing else); none: no Prometheus endpoint.</summary>
    public int? MetricsPort { get; set; }

    /// <summary>
    /// The address the metrics port listens on: <c>localhost</c> by default (a scraper on the same machine), <c>*</c> for
    /// every interface (in a container, where the port is reached from the container network and never published).
    /// </summary>
    public string MetricsAddress { get; set; } = "localhost";
}
