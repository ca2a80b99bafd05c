using System.Net;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// The page a newcomer was on their way to survives sign-up, the confirmation e-mail and log-in; only a path of this
/// site ever travels, never another address (no open redirect).
/// </summary>
public sealed class ReturnAddressTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private const string Password = "lavender trains at dawn";

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private async Task<Uri> RegisterAsync(HttpClient client, string email, string returnUrl)
    {
        var register = $"/Account/Register?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var response = await Forms.SubmitAsync(client, register, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nina Newcomer",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
            ["ReturnUrl"] = returnUrl,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var email1 = (await factory.EmailsToAsync(email)).Single();
        return CrowdsourceWebFactory.LinksIn(email1).First(link => link.AbsolutePath == "/Account/ConfirmEmail");
    }

    [Fact]
    public async Task The_entry_form_travels_through_sign_up_the_confirmation_link_and_log_in()
    {
        var client = Client();
        var email = $"return.{Guid.NewGuid():N}@example.com";
        var entryForm = $"/Challenges/{Guid.NewGuid()}/enter";

        var login = await Forms.ParseAsync(await client.GetAsync(Path($"/Account/Login?ReturnUrl={Uri.EscapeDataString(entryForm)}")));
        var signUp = login.QuerySelector("main a[href^='/Account/Register']")!.GetAttribute("href")!;
        Assert.Equal($"/Account/Register?returnUrl={Uri.EscapeDataString(entryForm)}", signUp);
        var registerPage = await Forms.ParseAsync(await client.GetAsync(Path(signUp)));
        Assert.Equal(entryForm, registerPage.QuerySelector("input[name='ReturnUrl']")!.GetAttribute("value"));

        var link = await RegisterAsync(client, email, entryForm);
        Assert.Contains($"returnUrl={Uri.EscapeDataString(entryForm)}", link.Query, StringComparison.OrdinalIgnoreCase);

        var confirmed = await Forms.ParseAsync(await client.GetAsync(Path(link.PathAndQuery)));
        var logIn = confirmed.QuerySelector("main a[href^='/Account/Login']")!.GetAttribute("href")!;
        Assert.Equal($"/Account/Login?returnUrl={Uri.EscapeDataString(entryForm)}", logIn);

        var loggedIn = await Forms.SubmitAsync(client, logIn, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["ReturnUrl"] = entryForm,
        });
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        Assert.Equal(entryForm, loggedIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task An_address_outside_the_site_is_ignored_at_every_step(string outside)
    {
        var client = Client();
        var email = $"outside.{Guid.NewGuid():N}@example.com";

        var registerPage = await Forms.ParseAsync(await client.GetAsync(Path($"/Account/Register?returnUrl={Uri.EscapeDataString(outside)}")));
        Assert.Null(registerPage.QuerySelector("input[name='ReturnUrl']"));

        var link = await RegisterAsync(client, email, outside);
        Assert.DoesNotContain("returnUrl", link.Query, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil", link.ToString(), StringComparison.OrdinalIgnoreCase);

        var confirmed = await Forms.ParseAsync(await client.GetAsync(Path($"{link.PathAndQuery}&returnUrl={Uri.EscapeDataString(outside)}")));
        Assert.Equal("/Account/Login", confirmed.QuerySelector("main a[href^='/Account/Login']")!.GetAttribute("href"));

        var loggedIn = await Forms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["ReturnUrl"] = outside,
        });
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        Assert.Equal("/", loggedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_address_with_letters_beyond_ascii_is_followed_after_log_in_and_a_change_of_language_not_an_error_page()
    {
        var email = $"accent.{Guid.NewGuid():N}@example.com";
        await ConfirmedAccountAsync(email);
        var client = Client();

        var loggedIn = await Forms.SubmitAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString("/Challenges?q=thé"), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        Assert.Equal("/Challenges?q=th%C3%A9", loggedIn.Headers.Location!.OriginalString);

        var switched = await client.PostAsync(Path("/Language"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "fr",
            ["returnUrl"] = "/Challenges?q=thé",
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Challenges?q=th%C3%A9", switched.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/\u202Eevil", "/%E2%80%AEevil")] // a local path, encoded as a browser would send it
    [InlineData("/\u0001x", "/")]
    [InlineData("/\t/evil.example", "/")] // browsers drop the tab: another site
    public async Task A_damaged_return_address_never_stops_a_log_in(string damaged, string landing)
    {
        var email = $"damaged.{Guid.NewGuid():N}@example.com";
        await ConfirmedAccountAsync(email);
        var client = Client();
        var login = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(damaged);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Path(login))).StatusCode);

        var loggedIn = await client.PostAsync(Path(login), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["ReturnUrl"] = damaged,
            ["__RequestVerificationToken"] = await TokenAsync(client, "/Account/Login"),
        }));

        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        Assert.Equal(landing, loggedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_address_too_long_for_a_link_stays_out_of_the_confirmation_email()
    {
        var link = await RegisterAsync(Client(), $"long.{Guid.NewGuid():N}@example.com", "/Challenges?q=" + new string('a', 3000));

        Assert.DoesNotContain("returnUrl", link.Query, StringComparison.OrdinalIgnoreCase);
        Assert.True(link.ToString().Length < 2048, "The confirmation link stays short enough for any server and mail client.");
    }

    [Fact]
    public async Task Asking_for_a_new_confirmation_link_keeps_the_page_the_person_was_on_their_way_to()
    {
        var client = Client();
        var email = $"resend.{Guid.NewGuid():N}@example.com";
        var entryForm = $"/Challenges/{Guid.NewGuid()}/enter";
        await RegisterAsync(client, email, entryForm);

        var login = await Forms.ParseAsync(await client.GetAsync(Path($"/Account/Login?ReturnUrl={Uri.EscapeDataString(entryForm)}")));
        var resend = login.QuerySelector("main a[href^='/Account/ResendConfirmation']")!.GetAttribute("href")!;
        Assert.Equal($"/Account/ResendConfirmation?returnUrl={Uri.EscapeDataString(entryForm)}", resend);

        var sent = await Forms.SubmitAsync(client, resend, new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/Account/Login?returnUrl={Uri.EscapeDataString(entryForm)}", sent.Headers.Location!.OriginalString);
        var links = (await factory.EmailsToAsync(email, 2)).Select(message => CrowdsourceWebFactory.LinksIn(message).First(link => link.AbsolutePath == "/Account/ConfirmEmail")).ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, link => Assert.Contains($"returnUrl={Uri.EscapeDataString(entryForm)}", link.Query, StringComparison.OrdinalIgnoreCase));

        var outside = await Forms.SubmitAsync(client, "/Account/ResendConfirmation?returnUrl=" + Uri.EscapeDataString("//evil.example/phish"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["ReturnUrl"] = "//evil.example/phish" });
        Assert.Equal("/Account/Login", outside.Headers.Location!.OriginalString);
    }

    private async Task ConfirmedAccountAsync(string email)
    {
        var client = Client();
        var link = await RegisterAsync(client, email, "/");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Path(link.PathAndQuery))).StatusCode);
    }

    private static async Task<string> TokenAsync(HttpClient client, string path) =>
        (await Forms.ParseAsync(await client.GetAsync(Path(path))))
            .QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
}
