using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Hosting;

/// <summary>How an instance leaves on SIGTERM (section "Shutdown").</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// How long the instance keeps serving after SIGTERM with /health/ready answering 503, so that the proxy's checks
    /// notice and send new requests elsewhere before the instance stops listening (default 5 s).
    /// </summary>
    public TimeSpan ReadinessDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long requests already under way (an upload's chunk, a page) may take to finish once the instance stops
    /// listening; whatever is still running then is cut (default 30 s). A cut chunk is sent again by the browser.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// On SIGTERM: first the readiness check turns 503 while the instance still serves (<see cref="ShutdownOptions.ReadinessDelay"/>),
/// then the server stops taking connections and finishes the requests under way within <see cref="ShutdownOptions.DrainTimeout"/>
/// (the host's shutdown timeout covers both), then the process exits.
/// </summary>
internal sealed partial class ShutdownDrain(IOptions<ShutdownOptions> options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool _draining;

    public static void AddTo(IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section);
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
            host.ShutdownTimeout = shutdown.Value.ReadinessDelay + shutdown.Value.DrainTimeout);
        services.AddSingleton<ShutdownDrain>();
        services.AddHostedService(provider => provider.GetRequiredService<ShutdownDrain>());
        services.AddHealthChecks().AddCheck<ShutdownDrain>("shutdown", HealthStatus.Unhealthy, tags: ["ready"]);
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_draining ? HealthCheckResult.Unhealthy("Shutting down: this instance takes no new work.") : HealthCheckResult.Healthy());

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        LogDraining(logger, options.Value.ReadinessDelay, options.Value.DrainTimeout);
        try
        {
            await Task.Delay(options.Value.ReadinessDelay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's own timeout: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: readiness answers 503 for {ReadinessDelay}, then requests under way have {DrainTimeout} to finish")]
    private static partial void LogDraining(ILogger logger, TimeSpan readinessDelay, TimeSpan drainTimeout);
}
