using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Crowdsource.Web.Tests.Support;

namespace Crowdsource.Web.Tests.Telemetry;

/// <summary>
/// Issue 12, metrics operators expect: the site served on Kestrel as in production (its address from the <c>urls</c>
/// setting, as ASPNETCORE_URLS gives it, and an allowed host), with <c>Telemetry:MetricsPort</c> set. The metrics port
/// answers Prometheus text (ASP.NET Core's request durations, the site's own counters) whatever the scraper's Host
/// header, and nothing else; the public port keeps its pages and never answers <c>/metrics</c>.
/// </summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private readonly CrowdsourceWebFactory _site = new();
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
    private Uri _public = null!;
    private Uri _metrics = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_site).InitializeAsync();
        _public = CrowdsourceWebFactory.FreeLoopbackAddress();
        _metrics = CrowdsourceWebFactory.FreeLoopbackAddress();
        _site.PublicBaseUrl = _public;
        _site.ConfigureSite = builder => builder
            .UseSetting("urls", _public.ToString())
            .UseSetting("AllowedHosts", _public.Host)
            .UseSetting("Telemetry:MetricsPort", _metrics.Port.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Telemetry:MetricsAddress", _metrics.Host);
        _site.UseKestrel();
        _site.StartServer();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await ((IAsyncLifetime)_site).DisposeAsync();
    }

    [Fact]
    public async Task The_metrics_port_serves_request_durations_and_the_entries_submitted_through_the_site()
    {
        var challenge = await OpenChallenges.CreateAsync(_site, await _site.AccountAsync());
        using var creative = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = _public,
        };
        await Forms.SignInAsync(creative, await _site.AccountAsync());
        await SubmittedEntries.EnterAsync(creative, challenge);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(new Uri(_public, "/Challenges"))).StatusCode);

        using var scrape = await _http.GetAsync(new Uri(_metrics, "/metrics"));

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Matches(new Regex("""^http_server_request_duration_seconds_count\{[^}]*http_route="Challenges"[^}]*\} [1-9]""", RegexOptions.Multiline), text);
        Assert.True(Counter(text, "crowdsource_entries_submitted_total") >= 1, "The entry submitted through the site is counted.");
        Assert.Contains("\ndotnet_gc_collections_total{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_port_answers_404_for_metrics_even_when_its_host_header_names_the_metrics_port()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(new Uri(_public, "/metrics"))).StatusCode);

        using var spoofed = new HttpRequestMessage(HttpMethod.Get, new Uri(_public, "/metrics"));
        spoofed.Headers.Host = $"{_public.Host}:{_metrics.Port}";
        Assert.Equal(HttpStatusCode.NotFound, (await _http.SendAsync(spoofed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(new Uri(_public, "/health/live"))).StatusCode);
    }

    [Fact]
    public async Task A_scrape_is_answered_whatever_its_host_header_while_the_public_port_refuses_hosts_not_allowed()
    {
        using var scrape = new HttpRequestMessage(HttpMethod.Get, new Uri(_metrics, "/metrics"));
        scrape.Headers.Host = $"crowdsource-web.internal:{_metrics.Port}";
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(scrape)).StatusCode);

        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri(_public, "/health/live"));
        page.Headers.Host = "crowdsource-web.internal";
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(page)).StatusCode);
    }

    [Fact]
    public async Task The_metrics_port_serves_nothing_but_metrics()
    {
        foreach (var path in (string[])["/", "/Challenges", "/health/live", "/metrics/extra"])
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(new Uri(_metrics, path))).StatusCode);
        }
    }

    /// <summary>The value of a counter without labels other than the scope's, summed over its lines.</summary>
    private static double Counter(string text, string name) =>
        Regex.Matches(text, $@"^{Regex.Escape(name)}(\{{[^}}]*\}})? (?<value>[0-9.e+]+)", RegexOptions.Multiline)
            .Sum(match => double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
}
