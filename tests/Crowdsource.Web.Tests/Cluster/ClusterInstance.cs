using System.Diagnostics;

namespace Crowdsource.Web.Tests.Cluster;

/// <summary>One instance of the site in <see cref="LocalCluster"/>: where it listens, its process, what it wrote.</summary>
public sealed record ClusterInstance(string Name, Uri Url, int ProcessId, string PickupDirectory, string LogFile)
{
    /// <summary>The upstream address nginx reports for this instance (X-Crowdsource-Upstream).</summary>
    public string Upstream => $"127.0.0.1:{Url.Port}";

    /// <summary>Kills the instance at once (SIGKILL), as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        using var process = Process.GetProcessById(ProcessId);
        process.Kill();
        await process.WaitForExitAsync();
    }
}
