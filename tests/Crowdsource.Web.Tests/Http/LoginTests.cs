using System.Net;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crowdsource.Web.Tests.Http;

public sealed class LoginTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        Forms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    private static async Task<string> ErrorsOf(HttpResponseMessage response) =>
        (await Forms.ParseAsync(response)).QuerySelector("#form-errors")?.TextContent.Trim() ?? string.Empty;

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_exactly_the_same_answer()
    {
        var account = await factory.AccountAsync();

        var unknown = await LogInAsync(Client(), $"nobody.{Guid.NewGuid():N}@example.com", "some passphrase here");
        var wrong = await LogInAsync(Client(), account.Email, "some passphrase here");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The e-mail address or the password is not right", await ErrorsOf(wrong), StringComparison.Ordinal);
        Assert.Equal(await ErrorsOf(wrong), await ErrorsOf(unknown));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_without_saying_so()
    {
        var account = await factory.AccountAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await LogInAsync(Client(), account.Email, $"wrong guess number {attempt}");
        }

        var rightPassword = await LogInAsync(Client(), account.Email, account.Password);

        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("locked for 15 minutes", await ErrorsOf(rightPassword), StringComparison.Ordinal);
        Assert.DoesNotContain(rightPassword.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            cookie => cookie.StartsWith("crowdsource.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_right_password_signs_in_and_returns_to_the_page_asked_for()
    {
        var account = await factory.AccountAsync();
        var client = Client();

        var response = await Forms.SubmitAsync(client, "/Account/Login?ReturnUrl=%2FAccount%2FManage", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
            ["ReturnUrl"] = "/Account/Manage",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Manage", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Account/Manage", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        var account = await factory.AccountAsync();

        var response = await Forms.SubmitAsync(Client(), "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
            ["ReturnUrl"] = "https://evil.example/phish",
        });

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
