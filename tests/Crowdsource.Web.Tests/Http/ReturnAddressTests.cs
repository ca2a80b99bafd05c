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
}
