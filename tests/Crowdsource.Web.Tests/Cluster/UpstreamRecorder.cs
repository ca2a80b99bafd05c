namespace Crowdsource.Web.Tests.Cluster;

/// <summary>Notes, for every response through the local cluster's nginx, which instance answered (X-Crowdsource-Upstream).</summary>
internal sealed class UpstreamRecorder(List<string> upstreams) : DelegatingHandler
{
    public const string Header = "X-Crowdsource-Upstream";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues(Header, out var values))
        {
            lock (upstreams)
            {
                upstreams.Add(string.Join(',', values));
            }
        }

        return response;
    }
}
