using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class AccountJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_newcomer_registers_confirms_by_the_emailed_link_logs_out_and_logs_back_in()
    {
        var page = await browser.NewPageAsync();
        var email = $"newcomer.{Guid.NewGuid():N}@example.com";
        const string password = "lavender trains at dawn";

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign up" }).ClickAsync();
        await page.GetByLabel("Display name").FillAsync("Nina Newcomer");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Type the password again").FillAsync(password);
        await BrowserFixture.ScreenshotAsync(page, "register-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your mailbox" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();

        // An unconfirmed account cannot log in yet, and the page says why.
        await BrowserFixture.LogInAsync(page, email, password);
        await Assertions.Expect(page.GetByText("your e-mail address is not confirmed yet")).ToBeVisibleAsync();

        // The e-mail, as the site wrote it (the development mailbox exists only in Development); its link leads back to the site.
        var confirmation = (await browser.Site.EmailsToAsync(email)).Single(mail => mail.Subject == "Confirm your e-mail address for Crowdsource");
        await page.GotoAsync(CrowdsourceWebFactory.LinksIn(confirmation).First(link => link.AbsolutePath == "/Account/ConfirmEmail").ToString());

        await Assertions.Expect(page.GetByText("your e-mail address is confirmed")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "email-confirmed");

        await BrowserFixture.LogInAsync(page, email, password);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My account (Nina Newcomer)" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "home-signed-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are logged out. See you soon.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log in" }).First).ToBeVisibleAsync();

        await BrowserFixture.LogInAsync(page, email, password);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My account (Nina Newcomer)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_gets_a_helpful_message_that_keeps_the_address()
    {
        var account = await browser.Site.AccountAsync();
        var page = await browser.NewPageAsync();

        await BrowserFixture.LogInAsync(page, account.Email, "not the right passphrase");

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("The e-mail address or the password is not right");
        await Assertions.Expect(alert).ToContainTextAsync("locked for 15 minutes");
        await Assertions.Expect(page.GetByLabel("E-mail address")).ToHaveValueAsync(account.Email);
        await Assertions.Expect(page.GetByLabel("Password")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "login-wrong-password");
    }

    [Fact]
    public async Task Registration_mistakes_are_shown_next_to_their_fields()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Register");

        await page.GetByLabel("E-mail address").FillAsync("not-an-address");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("Type the password again").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please correct the following:");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.DisplayName']")).ToHaveTextAsync("Enter the name other people will see.");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Email']")).ToHaveTextAsync("Enter an e-mail address such as name@example.com.");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Password']")).ToContainTextAsync("Use at least 12 characters");
        await Assertions.Expect(page.GetByLabel("E-mail address")).ToHaveValueAsync("not-an-address");
        await BrowserFixture.ScreenshotAsync(page, "register-errors");
    }
}
