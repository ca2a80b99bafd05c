using System.Net;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crowdsource.Web.Tests.Http;

public sealed class SiteShellTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client(string baseAddress = "http://localhost") => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri(baseAddress),
    });

    [Fact]
    public async Task An_unknown_address_shows_the_friendly_not_found_page_with_status_404()
    {
        var response = await Client().GetAsync(new Uri("/no/such/page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("We could not find this page", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [Theory]
    [InlineData("TRACE", "/Challenges")]
    [InlineData("TRACE", "/")]
    [InlineData("OPTIONS", "/Account/Login")]
    public async Task A_method_no_page_handles_answers_405_with_the_methods_it_takes(string method, string path)
    {
        var response = await Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/Challenges")]
    [InlineData("/")]
    public async Task A_valid_post_that_matches_no_handler_answers_405_not_a_server_error(string path)
    {
        var client = Client();
        var login = await Forms.ParseAsync(await client.GetAsync(new Uri("/Account/Login", UriKind.Relative)));
        var token = login.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var response = await client.PostAsync(new Uri(path, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers_and_a_policy_without_inline_script()
    {
        var response = await Client().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_use_no_inline_script_and_no_asset_from_another_site()
    {
        var page = await Forms.ParseAsync(await Client().GetAsync(new Uri("/Account/Register", UriKind.Relative)));

        Assert.All(page.Scripts, script => Assert.StartsWith("/", script.Source, StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll("link[href]"), link => Assert.StartsWith("/", link.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task Https_responses_outside_development_tell_browsers_to_stay_on_https()
    {
        var response = await Client("https://crowdsource.example").GetAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var response = await Client().PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@example.com",
            ["Input.Password"] = "whatever it may be",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This request could not be understood", (await Forms.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_language_switch_remembers_french_in_a_cookie_and_returns_to_the_page()
    {
        var client = Client();

        var switched = await Forms.SubmitAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "/Account/Login" }, action: "/Language");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Account/Login", switched.Headers.Location!.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".AspNetCore.Culture=c%3Dfr", StringComparison.Ordinal));
        var page = await Forms.ParseAsync(await client.GetAsync(new Uri("/Account/Login", UriKind.Relative)));
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Connexion", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_language_switch_never_redirects_to_another_site()
    {
        var switched = await Forms.SubmitAsync(Client(), "/",
            new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "https://evil.example/" }, action: "/Language");

        Assert.Equal("/", switched.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("fr-FR,fr;q=0.9,en;q=0.5", "fr", "Créez votre compte")]
    [InlineData("en-GB,en;q=0.9", "en", "Create your account")]
    [InlineData("de-DE", "en", "Create your account")]
    public async Task Without_a_choice_the_browser_language_decides(string acceptLanguage, string lang, string heading)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Register");
        request.Headers.Add("Accept-Language", acceptLanguage);

        var page = await Forms.ParseAsync(await Client().SendAsync(request));

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Liveness_and_readiness_report_healthy_when_the_database_is_migrated()
    {
        var live = await Client().GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await Client().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_field_of_the_registration_form_has_a_label()
    {
        var page = await Forms.ParseAsync(await Client().GetAsync(new Uri("/Account/Register", UriKind.Relative)));

        var fields = page.QuerySelectorAll("main input:not([type=hidden]), main select, main textarea");
        Assert.Equal(4, fields.Length);
        Assert.All(fields, field => Assert.NotNull(page.QuerySelector($"label[for='{field.Id}']")));
    }
}
