using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class HomePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_home_page_speaks_english_by_default_and_french_after_the_switch()
    {
        var page = await browser.NewPageAsync("en-GB");
        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Brands launch challenges");
        await BrowserFixture.ScreenshotAsync(page, "home-en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Les marques lancent des défis");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Français" })).ToHaveAttributeAsync("aria-pressed", "true");
        await BrowserFixture.ScreenshotAsync(page, "home-fr");
    }

    [Fact]
    public async Task A_french_browser_gets_french_pages_without_choosing()
    {
        var page = await browser.NewPageAsync("fr-FR");
        await page.GotoAsync("/Account/Login");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Connexion");
        await Assertions.Expect(page.GetByLabel("Adresse e-mail")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "login-fr");
    }

    [Fact]
    public async Task A_keyboard_user_can_skip_straight_to_the_content()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
    }
}
