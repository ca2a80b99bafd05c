using Crowdsource.Application.Common;

namespace Crowdsource.Web.Hosting;

/// <summary>The client's address and browser as this request shows them (behind a proxy, configure forwarded headers).</summary>
internal sealed class HttpRequestOrigin(IHttpContextAccessor accessor) : IRequestOrigin
{
    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? UserAgent => accessor.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;
}
