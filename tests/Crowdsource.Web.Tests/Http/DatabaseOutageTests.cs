using System.Net;
using Crowdsource.Infrastructure.Persistence.Availability;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Issue 12, "failing well": the test's own PostgreSQL is killed or frozen under a running site. Every page then
/// answers the friendly 503 page in the visitor's language with Retry-After, signed in or not, instead of an empty
/// 500 after seconds of retries or a request hanging as long as the database; the readiness check says so without
/// waiting; and the site notices by itself when the database is back (the session still valid).
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    /// <summary>Far above what a page should take, below how long a frozen database held every request (20 s and more).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private PrivatePostgres _postgres = null!;
    private readonly CrowdsourceWebFactory _site = new();

    public async Task InitializeAsync()
    {
        _postgres = await PrivatePostgres.StartAsync();
        _site.UseDatabase(_postgres.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task While_the_database_is_killed_every_page_answers_the_friendly_503_and_pages_come_back_with_it()
    {
        var (signedIn, anonymous) = await ClientsAsync();

        await _postgres.KillAsync();

        await AssertBackInAMomentAsync(signedIn, "/Notifications", "en", "Back in a moment");
        await AssertBackInAMomentAsync(signedIn, "/Entries", "fr", "De retour dans un instant");
        await AssertBackInAMomentAsync(anonymous, "/Challenges?q=outage", "fr", "De retour dans un instant");
        await AssertBackInAMomentAsync(anonymous, "/Account/Register", "en", "Back in a moment", HttpMethod.Post);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        await _postgres.StartAgainAsync();

        await AssertComesBackAsync(signedIn, "/Notifications");
    }

    [Fact]
    public async Task Once_a_frozen_database_is_noticed_requests_answer_at_once_instead_of_hanging_and_pages_come_back_when_it_thaws()
    {
        var (signedIn, anonymous) = await ClientsAsync();

        _postgres.Freeze();
        try
        {
            // Connections are accepted and never answered: the watch's check times out, and from then on no request
            // waits on the database.
            await DatabaseIsAsync(down: true);
            await AssertBackInAMomentAsync(signedIn, "/Notifications", "en", "Back in a moment");
            await AssertBackInAMomentAsync(anonymous, "/Challenges?q=frozen", "fr", "De retour dans un instant");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        }
        finally
        {
            _postgres.Thaw();
        }

        await AssertComesBackAsync(signedIn, "/Notifications");
    }

    private async Task<(HttpClient SignedIn, HttpClient Anonymous)> ClientsAsync()
    {
        var account = await _site.AccountAsync();
        var signedIn = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        signedIn.Timeout = Patience;
        await Forms.SignInAsync(signedIn, account);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(new Uri("/Notifications", UriKind.Relative))).StatusCode);

        var anonymous = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        anonymous.Timeout = Patience;
        return (signedIn, anonymous);
    }

    private static async Task AssertBackInAMomentAsync(HttpClient client, string path, string language, string title, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd(language);
        if (request.Method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "someone@example.com" });
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var page = await Forms.ParseAsync(response);
        Assert.Equal(title, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
    }

    /// <summary>The site finds the database again by itself (its watch), and the same signed-in client gets its page.</summary>
    private async Task AssertComesBackAsync(HttpClient signedIn, string path)
    {
        await DatabaseIsAsync(down: false);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    private Task DatabaseIsAsync(bool down) => _site.Services.GetRequiredService<DatabaseAvailability>().WaitUntilAsync(down);
}
