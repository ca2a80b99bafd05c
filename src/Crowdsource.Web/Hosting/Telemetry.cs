using Crowdsource.Application.Common;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, Npgsql, the .NET runtime, the site's own meter), exported only
/// where something is configured to receive them (README, "Configuration"; docs/metrics.md):
/// <list type="bullet">
/// <item>OTLP (traces and metrics) when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the exporter reads its
/// other standard variables itself (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_EXPORTER_OTLP_HEADERS</c>...).</item>
/// <item>Prometheus when <c>Telemetry:MetricsPort</c> is set, on that port only (<see cref="MetricsEndpoint"/>).</item>
/// </list>
/// Neither set: no OpenTelemetry at all, and the instruments cost nothing. Logs stay with Serilog.
/// </summary>
internal static class Telemetry
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddCrowdsourceTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var settings = Settings(configuration.GetSection(TelemetryOptions.Section));
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        var prometheus = settings.MetricsPort is not null;
        if (!otlp && !prometheus)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource =>
        {
            // OTEL_SERVICE_NAME, when set, names the service instead.
            if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
            {
                resource.AddService("crowdsource", serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString());
            }
        });

        telemetry.WithMetrics(metrics =>
        {
            metrics
                .AddAspNetCoreInstrumentation() // http.server.request.duration, Kestrel connections, routing, rate limiting
                .AddRuntimeInstrumentation()    // GC, heap, thread pool, exceptions
                .AddNpgsqlInstrumentation()     // connection pool use, command durations
                .AddMeter(CrowdsourceMetrics.MeterName);
            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });

        if (otlp)
        {
            // EF Core's own instrumentation (a prerelease) would add nothing the Npgsql spans lack: they carry the SQL.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                    context.Connection.LocalPort != settings.MetricsPort && !context.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql()
                .AddOtlpExporter());
        }

        if (prometheus)
        {
            // First of all startup filters, so that its branch runs before the framework's host filtering (MetricsEndpoint).
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new MetricsEndpoint(settings)));
        }

        return builder;
    }

    /// <summary>The "Telemetry" section; an empty port (compose passes an unset variable as "") means none.</summary>
    private static TelemetryOptions Settings(IConfigurationSection section)
    {
        var settings = new TelemetryOptions();
        if (!string.IsNullOrWhiteSpace(section[nameof(TelemetryOptions.MetricsAddress)]))
        {
            settings.MetricsAddress = section[nameof(TelemetryOptions.MetricsAddress)]!.Trim();
        }

        var port = section[nameof(TelemetryOptions.MetricsPort)];
        if (!string.IsNullOrWhiteSpace(port))
        {
            settings.MetricsPort = int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                && number is > 0 and <= 65535
                    ? number
                    : throw new InvalidOperationException($"Telemetry:MetricsPort must be a port number (1-65535), not '{port}'.");
        }

        return settings;
    }
}
