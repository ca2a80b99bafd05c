using System.Net;
using System.Text.RegularExpressions;
using Crowdsource.Application.Common;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Sessions end when they should (issue 10, hole 4): the authentication cookie is only a key to a session kept in
/// the database, so a cookie copied before logout, "log out of every device", a password change or reset no longer
/// signs anyone in afterwards.
/// </summary>
public sealed partial class SessionTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private const string NewPassword = "copper rivers at midnight";

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in on a client of its own and returns it with a copy of its authentication cookie.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignedInAsync(TestAccount account)
    {
        var client = Client();
        var response = await Forms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("crowdsource.auth=", StringComparison.Ordinal));
        return (client, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    /// <summary>What a stranger holding a copy of the cookie would see on My account.</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookie)
    {
        using var replay = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Account/Manage", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await replay.SendAsync(request);
    }

    private static void AssertSentToLogIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/Account/Login", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logging_out_ends_the_session_at_once()
    {
        var account = await factory.AccountAsync();
        var (client, cookie) = await SignedInAsync(account);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie)).StatusCode);

        var logout = await Forms.SubmitAsync(client, "/", new Dictionary<string, string>(), action: "/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        AssertSentToLogIn(await ReplayAsync(cookie));
    }

    [Fact]
    public async Task Logging_out_of_every_device_ends_every_session_of_the_account_this_one_included()
    {
        var account = await factory.AccountAsync();
        var (laptop, laptopCookie) = await SignedInAsync(account);
        var (_, phoneCookie) = await SignedInAsync(account);
        var other = await factory.AccountAsync();
        var (_, otherCookie) = await SignedInAsync(other);

        var response = await Forms.SubmitAsync(laptop, "/Account/Manage", new Dictionary<string, string>(),
            action: "/Account/Manage?handler=LogOutEverywhere");

        AssertSentToLogIn(response);
        AssertSentToLogIn(await ReplayAsync(laptopCookie));
        AssertSentToLogIn(await ReplayAsync(phoneCookie));
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(otherCookie)).StatusCode);
    }

    [Fact]
    public async Task My_account_offers_to_log_out_of_every_device_in_french_too()
    {
        var account = await factory.AccountAsync();
        var (client, _) = await SignedInAsync(account);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Account/Manage", UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd("fr-FR");

        var page = await Forms.ParseAsync(await client.SendAsync(request));

        var button = page.QuerySelector("form[action='/Account/Manage?handler=LogOutEverywhere'] button");
        Assert.Equal("Se déconnecter de tous les appareils", button?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form[action='/Account/Manage?handler=LogOutEverywhere'] input[name='__RequestVerificationToken']"));
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_keeps_this_one()
    {
        var account = await factory.AccountAsync();
        var (laptop, _) = await SignedInAsync(account);
        var (_, thiefCookie) = await SignedInAsync(account);

        var response = await Forms.SubmitAsync(laptop, "/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = account.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertSentToLogIn(await ReplayAsync(thiefCookie));
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(new Uri("/Account/Manage", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_of_the_account()
    {
        var account = await factory.AccountAsync();
        var (_, cookie) = await SignedInAsync(account);
        var stranger = Client();
        await Forms.SubmitAsync(stranger, "/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = account.Email });
        var link = ResetLink().Match(await LastEmailToAsync(account.Email));
        Assert.True(link.Success);

        var response = await Forms.SubmitAsync(stranger, link.Value, new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Token"] = Uri.UnescapeDataString(link.Groups["code"].Value),
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        AssertSentToLogIn(response);
        AssertSentToLogIn(await ReplayAsync(cookie));
    }

    private async Task<string> LastEmailToAsync(string address)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ICrowdsourceDb>();
        return await db.OutgoingEmails.AsNoTracking().Where(email => email.ToAddress == address)
            .OrderByDescending(email => email.CreatedAt).Select(email => email.TextBody).FirstAsync();
    }

    [GeneratedRegex(@"/Account/ResetPassword\?[^\s]*code=(?<code>[^\s&]+)")]
    private static partial Regex ResetLink();
}
