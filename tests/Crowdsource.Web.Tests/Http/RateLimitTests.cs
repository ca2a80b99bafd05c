using System.Net;
using Crowdsource.Application.Administration;
using Crowdsource.Web.Tests.Support;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Rate limits (issue 10, hole 6) on a site with low limits: per target account (the e-mail typed, or the person
/// signed in), per client address across accounts, answered with 429, Retry-After and a page in the visitor's
/// language; pages themselves (GET) stay open.
/// </summary>
public sealed class RateLimitTests(RateLimitedSite site) : IClassFixture<RateLimitedSite>
{
    private HttpClient Client() => site.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string? language = null)
    {
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return Forms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "some passphrase here",
        });
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response, string title)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells when to come back.");
        var page = await Forms.ParseAsync(response);
        Assert.Equal(title, page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Log_in_attempts_on_one_account_are_limited_with_a_friendly_429_in_english_and_french()
    {
        var target = $"victim.{Guid.NewGuid():N}@example.com";
        for (var attempt = 0; attempt < RateLimitedSite.LogInPerAccount; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await LogInAsync(Client(), target)).StatusCode);
        }

        await AssertTooManyAsync(await LogInAsync(Client(), target, "en-GB"), "Too many attempts");
        await AssertTooManyAsync(await LogInAsync(Client(), target.ToUpperInvariant(), "fr-FR"), "Trop de tentatives");

        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(Client(), $"someone.else.{Guid.NewGuid():N}@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client().GetAsync(new Uri("/Account/Login", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_requests_from_one_address_are_limited_across_accounts()
    {
        var client = Client();
        for (var request = 0; request < RateLimitedSite.AccountFormsPerAddress; request++)
        {
            var accepted = await Forms.SubmitAsync(client, "/Account/ForgotPassword", new Dictionary<string, string>
            {
                ["Input.Email"] = $"account{request}.{Guid.NewGuid():N}@example.com",
            });
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var refused = await Forms.SubmitAsync(client, "/Account/ForgotPassword", new Dictionary<string, string>
        {
            ["Input.Email"] = $"yet.another.{Guid.NewGuid():N}@example.com",
        });

        await AssertTooManyAsync(refused, "Too many attempts");
    }

    [Fact]
    public async Task A_signed_in_person_is_limited_on_their_own_account()
    {
        var account = await site.AccountAsync();
        var client = Client();
        await Forms.SignInAsync(client, account);
        var profile = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Web Tester",
            ["Input.Bio"] = string.Empty,
            ["Input.PreferredCulture"] = "en",
        };
        for (var save = 0; save < RateLimitedSite.ActionsPerAccount; save++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(client, "/Account/Manage", profile)).StatusCode);
        }

        await AssertTooManyAsync(await Forms.SubmitAsync(client, "/Account/Manage", profile), "Too many attempts");
    }

    [Fact]
    public async Task Brief_previews_are_limited_like_every_other_action()
    {
        var client = Client();
        await Forms.SignInAsync(client, await site.AccountAsync());
        var token = (await Forms.ParseAsync(await client.GetAsync(new Uri("/Account/Manage", UriKind.Relative))))
            .QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var preview = new Uri($"/Challenges/Edit/{Guid.NewGuid()}?handler=Preview", UriKind.Relative);
        Task<HttpResponseMessage> PreviewAsync() => client.PostAsync(preview,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Brief"] = "**Bold** idea", ["__RequestVerificationToken"] = token }));

        for (var asked = 0; asked < RateLimitedSite.ActionsPerAccount; asked++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PreviewAsync()).StatusCode); // a challenge of nobody's: not found, but counted
        }

        await AssertTooManyAsync(await PreviewAsync(), "Too many attempts");
    }
}

/// <summary>The site with low rate limits, on a database of its own.</summary>
public sealed class RateLimitedSite : IAsyncLifetime
{
    public const int LogInPerAccount = 3;
    public const int AccountFormsPerAddress = 3;
    public const int ActionsPerAccount = 2;

    private readonly CrowdsourceWebFactory _database = new();

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_database).InitializeAsync();
        Site = _database.WithWebHostBuilder(builder => builder
            .UseSetting("RateLimits:LogInPerAccountPerMinute", LogInPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("RateLimits:AccountFormsPerAddressPerMinute", AccountFormsPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("RateLimits:ActionsPerAccountPerMinute", ActionsPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public async Task<TestAccount> AccountAsync()
    {
        var account = new TestAccount($"creative.{Guid.NewGuid():N}@example.com", "web test passphrase");
        await using var scope = Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new EnsureAccount.Command(account.Email, "Web Tester", account.Password, []));
        return account;
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_database).DisposeAsync();
}
