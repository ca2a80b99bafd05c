using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// Serves <c>/metrics</c> (Prometheus text) on its own port and nothing else there; the public port never has it (404).
/// <list type="bullet">
/// <item>A startup filter put first, so its branch runs before everything else, the framework's host filtering and
/// forwarded headers included: a scraper's Host header need not be an allowed host, and the site's pipeline (error pages,
/// rate limits, the database outage page, the request log) never sees a scrape, which never touches the database.</item>
/// <item>Requests are told apart by the port they arrived on (<see cref="ConnectionInfo.LocalPort"/>), never by their
/// Host header, which a visitor of the public port chooses.</item>
/// <item>The port is added to the addresses the server was given (ASPNETCORE_URLS, --urls, HTTP_PORTS), which stay as
/// they are: listening on it in code would make Kestrel ignore them. With <c>Kestrel:Endpoints</c> in the configuration,
/// Kestrel ignores those addresses anyway: declare the metrics port there as one more endpoint.</item>
/// </list>
/// </summary>
internal sealed class MetricsEndpoint(TelemetryOptions settings) : IStartupFilter
{
    public const string Path = "/metrics";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var port = settings.MetricsPort ?? throw new InvalidOperationException("No metrics port.");
        ListenOnMetricsPort(app, port);
        app.MapWhen(context => context.Connection.LocalPort == port, metrics =>
        {
            metrics.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == Path); // that path only, not below it
            metrics.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        next(app);
    };

    private void ListenOnMetricsPort(IApplicationBuilder app, int port)
    {
        // Null or read-only: a server with addresses of its own (the tests' in-memory server).
        var addresses = app.ServerFeatures.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.IsReadOnly
            || app.ApplicationServices.GetRequiredService<IConfiguration>().GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            return;
        }

        if (addresses.Any(address => BindingAddress.Parse(address).Port == port))
        {
            throw new InvalidOperationException(
                $"Telemetry:MetricsPort {port} is also a port of the site ({string.Join(", ", addresses)}): choose another one.");
        }

        if (addresses.Count == 0)
        {
            addresses.Add("http://localhost:5000"); // Kestrel's default, which any added address would otherwise replace
        }

        addresses.Add($"http://{settings.MetricsAddress}:{port}");
    }
}
