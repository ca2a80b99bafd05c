using System.Diagnostics.Metrics;
using System.Net;
using Crowdsource.Application.Common;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Crowdsource.Web.Tests.Telemetry;

/// <summary>
/// Issue 12: the site's own counters, recorded where the thing happens, observed on this site's meter only (other
/// sites run in the same test process): an entry saved through the form, a request refused by the rate limits.
/// </summary>
public sealed class SiteMetricsTests : IAsyncLifetime
{
    private const int LogInPerAccount = 1;

    private readonly CrowdsourceWebFactory _site = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_site).InitializeAsync();
        _site.ConfigureSite = builder =>
            builder.UseSetting("RateLimits:LogInPerAccountPerMinute", LogInPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_site).DisposeAsync();

    private MetricCollector<long> Collect(string instrument) =>
        new(_site.Services.GetRequiredService<IMeterFactory>(), CrowdsourceMetrics.MeterName, instrument);

    private HttpClient Client() => _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task An_entry_is_counted_when_it_is_saved_and_not_when_the_form_is_refused()
    {
        var challenge = await OpenChallenges.CreateAsync(_site, await _site.AccountAsync());
        var creative = Client();
        await Forms.SignInAsync(creative, await _site.AccountAsync());
        using var submitted = Collect("crowdsource.entries.submitted");

        var refused = await Forms.UploadAsync(creative, $"{challenge}/enter", $"{challenge}/enter",
            new Dictionary<string, string> { ["Input.Title"] = "No consent" }, ("Input.Files", "front.png", TestFiles.Png(), "image/png"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the form, redisplayed
        Assert.Empty(submitted.GetMeasurementSnapshot());

        await SubmittedEntries.EnterAsync(creative, challenge);

        Assert.Equal(1, Assert.Single(submitted.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task A_request_refused_by_the_rate_limits_is_counted_with_its_group()
    {
        using var rejections = Collect("crowdsource.rate_limit.rejections");
        var target = $"victim.{Guid.NewGuid():N}@example.com";
        var fields = new Dictionary<string, string> { ["Input.Email"] = target, ["Input.Password"] = "some passphrase here" };

        Assert.Equal(HttpStatusCode.OK, (await Forms.SubmitAsync(Client(), "/Account/Login", fields)).StatusCode);
        Assert.Empty(rejections.GetMeasurementSnapshot());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Forms.SubmitAsync(Client(), "/Account/Login", fields)).StatusCode);

        var rejection = Assert.Single(rejections.GetMeasurementSnapshot());
        Assert.Equal(1, rejection.Value);
        Assert.Equal("log_in", rejection.Tags["group"]);
    }
}
