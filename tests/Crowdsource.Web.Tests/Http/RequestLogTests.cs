using System.Net;
using Crowdsource.Application.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Issue 12: one log line per request, for what operators look for (method, path, route, status, duration, user id,
/// trace id), written through the site's logger (whose sinks the tests capture), and never the query string, which
/// may carry what a person typed.
/// </summary>
public sealed class RequestLogTests : IAsyncLifetime
{
    private readonly CrowdsourceWebFactory _site = new();
    private readonly CapturedLog _log = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_site).InitializeAsync();
        _site.ConfigureSite = builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(_log));
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_site).DisposeAsync();

    [Fact]
    public async Task Every_request_leaves_one_line_with_its_route_status_and_user_and_never_its_query_string()
    {
        var account = await _site.AccountAsync();
        var client = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(client, account);
        string userId;
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<CrowdsourceUser>>().FindByEmailAsync(account.Email))!.Id;
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Challenges?q=my-private-search", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/no-such-page?token=secret-token", UriKind.Relative))).StatusCode);

        var lines = _log.Lines();
        var list = Assert.Single(lines, line => line.Contains("HTTP GET /Challenges ", StringComparison.Ordinal));
        Assert.Contains("responded 200", list, StringComparison.Ordinal);
        Assert.Contains(userId, list, StringComparison.Ordinal);
        Assert.Contains("trace ", list, StringComparison.Ordinal);
        var missing = Assert.Single(lines, line => line.Contains("HTTP GET /no-such-page ", StringComparison.Ordinal));
        Assert.Contains("responded 404", missing, StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains("HTTP POST /Account/Login ", StringComparison.Ordinal) && line.Contains("responded 302", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("my-private-search", StringComparison.Ordinal) || line.Contains("secret-token", StringComparison.Ordinal));
    }

    /// <summary>The site's log events, rendered as their message lines.</summary>
    private sealed class CapturedLog : ILogEventSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        // As the console shows them: text values without the quotes that rendering a message adds.
        public void Emit(LogEvent logEvent) =>
            _lines.Enqueue(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Replace("\"", string.Empty, StringComparison.Ordinal));

        public string[] Lines() => [.. _lines];
    }
}
