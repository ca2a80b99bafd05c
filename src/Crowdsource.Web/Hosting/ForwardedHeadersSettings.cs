using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// Which reverse proxies may speak for the client (section <c>Crowdsource:ForwardedHeaders</c>). A forwarded header
/// from any other address is ignored, so nobody can claim another client address, HTTPS or host by sending one.
/// Loopback only unless set.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>IP addresses of the proxies in front of the site, separated by commas (10.0.0.2, 10.0.0.3).</summary>
    public string? KnownProxies { get; set; }

    /// <summary>Networks whose addresses may be proxies, in CIDR notation, separated by commas (172.16.0.0/12).</summary>
    public string? KnownNetworks { get; set; }

    internal void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        var proxies = Split(KnownProxies);
        var networks = Split(KnownNetworks);
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return; // the framework's default: the loopback addresses only
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"Crowdsource:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Crowdsource:ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/8)."));
        }
    }

    private static string[] Split(string? list) =>
        (list ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
