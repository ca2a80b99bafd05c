using System.Net;
using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crowdsource.Web.Tests.Http;

public sealed class AuthorizationTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(params string[] roles)
    {
        var client = Client();
        await Forms.SignInAsync(client, await factory.AccountAsync(roles));
        return client;
    }

    [Theory]
    [InlineData("/Account/Manage")]
    [InlineData("/Account/Manage/ChangePassword")]
    [InlineData("/Moderation")]
    [InlineData("/Admin/Accounts")]
    public async Task An_anonymous_visitor_is_sent_to_log_in_and_brought_back(string path)
    {
        var response = await Client().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/Moderation")]
    [InlineData("/Admin/Accounts")]
    public async Task A_creative_gets_the_forbidden_page_on_staff_pages(string path)
    {
        var client = await SignedInAsync();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You do not have access to this page", (await Forms.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_moderator_opens_the_moderation_desk_but_not_the_admin_pages()
    {
        var client = await SignedInAsync(Roles.Moderator);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Moderation", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/Admin/Accounts", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_creative_cannot_grant_a_role_by_posting_to_the_admin_page()
    {
        var client = await SignedInAsync();
        var token = (await Forms.ParseAsync(await client.GetAsync(new Uri("/Account/Manage", UriKind.Relative))))
            .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var response = await client.PostAsync(new Uri("/Admin/Accounts?handler=Grant", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userId"] = "anyone",
            ["role"] = Roles.Admin,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_grants_the_moderator_role_from_the_accounts_page()
    {
        var admin = await SignedInAsync(Roles.Admin);
        var creative = await factory.AccountAsync();
        var page = await Forms.ParseAsync(await admin.GetAsync(new Uri($"/Admin/Accounts?search={Uri.EscapeDataString(creative.Email)}", UriKind.Relative)));
        var grant = page.QuerySelectorAll("form").Single(form =>
            (form.GetAttribute("action") ?? string.Empty).Contains("handler=Grant", StringComparison.Ordinal)
            && form.QuerySelector("input[name=role]")?.GetAttribute("value") == Roles.Moderator);
        var fields = grant.QuerySelectorAll("input").ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value")!);

        var response = await admin.PostAsync(new Uri(grant.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var moderatorClient = Client();
        await Forms.SignInAsync(moderatorClient, creative);
        Assert.Equal(HttpStatusCode.OK, (await moderatorClient.GetAsync(new Uri("/Moderation", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_development_mailbox_does_not_exist_when_it_is_not_turned_on()
    {
        using var production = factory.WithWebHostBuilder(builder => builder.UseSetting("Crowdsource:DevelopmentMailbox", "false"));

        var response = await production.CreateClient().GetAsync(new Uri("/Development/Mailbox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_development_mailbox_does_not_exist_outside_development_even_when_turned_on()
    {
        var account = await factory.AccountAsync();
        var visitor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SubmitAsync(visitor, "/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = account.Email });
        await factory.EmailsToAsync(account.Email);
        using var misconfigured = factory.WithWebHostBuilder(builder => builder.UseSetting("Crowdsource:DevelopmentMailbox", "true"));

        var response = await misconfigured.CreateClient().GetAsync(new Uri("/Development/Mailbox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("/Account/ResetPassword", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("/Development/Mailbox", await (await misconfigured.CreateClient().GetAsync(new Uri("/", UriKind.Relative))).Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
    }
}
