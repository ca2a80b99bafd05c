using System.Text.RegularExpressions;
using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// After the results: an admin records a prize as paid, the winner hears of it in the notification centre, opens the
/// entry and downloads the licence grant; a visitor looks at the winners gallery. axe checks each new page.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AwardsJourneyTests(BrowserFixture browser)
{

    [Fact]
    public async Task An_admin_records_a_payment_the_winner_is_told_and_downloads_the_grant_and_visitors_see_the_gallery()
    {
        var site = browser.Site;
        var (owner, winner, other) = (await site.AccountAsync(), await site.AccountAsync(), await site.AccountAsync());
        var title = $"Design our tea tin {Guid.NewGuid():N}"[..28];
        var finished = await FinishedChallenges.CreateAsync(site.Services, owner, winner, other, paid: false, title: title);
        var admin = await site.AccountAsync(Roles.Admin);

        // The admin finds the award among the unpaid ones and records the payment.
        var adminTab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", bypassContentSecurityPolicy: true);
        await BrowserFixture.LogInAsync(adminTab, admin.Email, admin.Password);
        await adminTab.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await adminTab.GetByRole(AriaRole.Navigation, new() { Name = "Administration" }).GetByRole(AriaRole.Link, new() { Name = "Awards and payments" }).ClickAsync();
        await Assertions.Expect(adminTab.GetByRole(AriaRole.Heading, new() { Name = "Awards and payments" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(adminTab, "admin awards");
        // Other tests' challenges on the shared site have winners called "Tin of clouds" too: this challenge's row.
        var reference = adminTab.Locator("tr", new() { HasText = title }).GetByLabel("Payment reference (Tin of clouds, Prize 1)");
        await reference.FillAsync("SEPA-BROWSER-42");
        await BrowserFixture.ScreenshotAsync(adminTab, "awards-01-admin-awards");
        var payment = reference.Locator("xpath=ancestor::form");
        await payment.Locator("summary", new() { HasText = "Record as paid" }).ClickAsync();
        await Assertions.Expect(payment.GetByText("transfers the rights")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(adminTab, "admin awards, payment to confirm");
        await BrowserFixture.ScreenshotAsync(adminTab, "awards-01b-confirm-payment");
        await payment.GetByRole(AriaRole.Button, new() { Name = "Yes, record the payment" }).ClickAsync();
        await Assertions.Expect(adminTab.GetByText("The payment is recorded")).ToBeVisibleAsync();
        await Assertions.Expect(adminTab.Locator("tr", new() { HasText = title }).GetByText("SEPA-BROWSER-42")).ToBeVisibleAsync();

        // The winner sees the badge, reads the notification and follows it to the entry.
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", bypassContentSecurityPolicy: true);
        await BrowserFixture.LogInAsync(tab, winner.Email, winner.Password);
        var link = tab.Locator("header a.notifications-link");
        await Assertions.Expect(link).ToContainTextAsync("1");
        await link.ClickAsync();
        await Assertions.Expect(tab.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(tab, "notifications");
        await BrowserFixture.ScreenshotAsync(tab, "awards-02-notifications");
        await tab.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("prize for “Tin of clouds” has been paid") }).ClickAsync();
        await Assertions.Expect(tab).ToHaveURLAsync(new Regex($"/Entries/{finished.WinningEntryId}$"));
        await Assertions.Expect(tab.Locator("header a.notifications-link .notifications-badge")).ToHaveCountAsync(0);
        await Assertions.Expect(tab.GetByText("This entry won Prize 1: €2,500.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(tab, "entry with its grant");
        await BrowserFixture.ScreenshotAsync(tab, "awards-03-entry-with-grant");
        var download = await tab.RunAndWaitForDownloadAsync(() => tab.GetByRole(AriaRole.Link, new() { Name = "Download the licence grant (PDF)" }).ClickAsync());
        Assert.Equal($"licence-grant-{finished.WinningEntryId:N}.pdf", download.SuggestedFilename);

        // Then chooses which notifications also come by e-mail.
        await tab.GotoAsync("/Account/Manage/Notifications");
        await Axe.AssertNoViolationsAsync(tab, "notification settings");
        await tab.GetByLabel("a challenge I follow closes within 24 hours").UncheckAsync();
        await tab.GetByRole(AriaRole.Button, new() { Name = "Save my settings" }).ClickAsync();
        await Assertions.Expect(tab.GetByText("Your notification settings are saved.")).ToBeVisibleAsync();
        await Assertions.Expect(tab.GetByLabel("a challenge I follow closes within 24 hours")).Not.ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(tab, "awards-04-notification-settings");

        // A visitor finds the winner in the gallery, from the site's footer.
        var visitor = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", bypassContentSecurityPolicy: true);
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Winners gallery" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Winners gallery" })).ToBeVisibleAsync();
        // Newest results first: the other journeys announce theirs today, this challenge's are weeks old, so it may be on a later page.
        // Other journeys' winners may bear the same title: this winner's card is the one showing its entry's file.
        var card = visitor.Locator($"article:has(img[src*='/Entries/{finished.WinningEntryId}/'])");
        for (var page = 1; page < 20 && await card.CountAsync() == 0; page++)
        {
            await visitor.Locator("a[rel=next]").ClickAsync();
            await Assertions.Expect(visitor.Locator(".pagination [aria-current=page]")).ToHaveTextAsync((page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Assertions.Expect(card.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await card.Locator("img").EvaluateAsync<int>("image => image.naturalWidth") > 0);
        await Axe.AssertNoViolationsAsync(visitor, "winners gallery");
        await BrowserFixture.ScreenshotAsync(visitor, "awards-05-winners-gallery");
    }

}
