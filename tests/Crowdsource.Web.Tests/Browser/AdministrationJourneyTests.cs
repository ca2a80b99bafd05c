using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class AdministrationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_makes_a_creative_a_moderator_who_then_sees_the_moderation_desk()
    {
        var admin = await browser.Site.AccountAsync(Roles.Admin);
        var creative = await browser.Site.AccountAsync();

        var adminPage = await browser.NewPageAsync();
        await LogInAsync(adminPage, admin);
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await adminPage.GetByLabel("Search by e-mail or name").FillAsync(creative.Email);
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var row = adminPage.GetByRole(AriaRole.Row).Filter(new() { HasText = creative.Email });
        await Assertions.Expect(row).ToContainTextAsync("Creative");
        await BrowserFixture.ScreenshotAsync(adminPage, "admin-accounts");
        await row.GetByRole(AriaRole.Button, new() { Name = "Make Moderator" }).ClickAsync();

        await Assertions.Expect(adminPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("The role is granted.");
        await Assertions.Expect(adminPage.GetByRole(AriaRole.Row).Filter(new() { HasText = creative.Email }))
            .ToContainTextAsync("Creative, Moderator");

        var moderatorPage = await browser.NewPageAsync();
        await LogInAsync(moderatorPage, creative);
        await moderatorPage.GetByRole(AriaRole.Link, new() { Name = "Moderation" }).ClickAsync();
        await Assertions.Expect(moderatorPage.GetByRole(AriaRole.Heading, new() { Name = "Moderation desk" })).ToBeVisibleAsync();
        await Assertions.Expect(moderatorPage.GetByRole(AriaRole.Main)).ToContainTextAsync(creative.Email);
        await BrowserFixture.ScreenshotAsync(moderatorPage, "moderation-desk");
    }

    [Fact]
    public async Task A_creative_edits_the_public_profile_and_sees_it_saved()
    {
        var creative = await browser.Site.AccountAsync();
        var page = await browser.NewPageAsync();
        await LogInAsync(page, creative);

        await page.GetByRole(AriaRole.Link, new() { Name = "My account (Web Tester)" }).ClickAsync();
        await page.GetByLabel("Display name").FillAsync("Camille Dupont");
        await page.GetByLabel("About you").FillAsync("Packaging designer in Nantes.");
        await page.GetByLabel("Language of your e-mails").SelectOptionAsync("fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your profile is saved.");
        await Assertions.Expect(page.GetByLabel("About you")).ToHaveValueAsync("Packaging designer in Nantes.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My account (Camille Dupont)" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "my-account");
    }

    private static async Task LogInAsync(IPage page, TestAccount account)
    {
        await BrowserFixture.LogInAsync(page, account.Email, account.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
    }
}
