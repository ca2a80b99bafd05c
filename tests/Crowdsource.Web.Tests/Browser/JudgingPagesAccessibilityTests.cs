using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the judging pages: board, scoring page, winner choice, results, feedback, desk.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class JudgingPagesAccessibilityTests(BrowserFixture browser)
{

    [Fact]
    public async Task The_judging_and_results_pages_have_no_wcag_a_or_aa_violation()
    {
        var owner = await browser.Site.AccountAsync();
        var judge = await browser.Site.AccountAsync(Roles.Moderator);
        TestAccount[] creatives = [await browser.Site.AccountAsync(), await browser.Site.AccountAsync()];
        var judging = await JudgedChallenges.CreateAsync(browser.Site.Services, owner, judge, creatives);
        var announced = await JudgedChallenges.CreateAsync(browser.Site.Services, owner, judge, creatives, announced: true);

        var tab = await NewTabAsync(judge);
        await tab.GotoAsync(judging.Board);
        await Axe.AssertNoViolationsAsync(tab, "judging board");
        await tab.GotoAsync(judging.ScoreEntry(0));
        await Axe.AssertNoViolationsAsync(tab, "scoring page");
        await tab.GotoAsync("/Moderation");
        await Axe.AssertNoViolationsAsync(tab, "moderation desk");

        tab = await NewTabAsync(owner);
        await tab.GotoAsync(judging.Winners);
        await Axe.AssertNoViolationsAsync(tab, "winner choice");
        await tab.GotoAsync(announced.Results);
        await Axe.AssertNoViolationsAsync(tab, "results");

        tab = await NewTabAsync(creatives[0]);
        await tab.GotoAsync($"/Entries/{announced.Entries[0]}");
        await Assertions.Expect(tab.Locator("#feedback-title")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(tab, "entry feedback");
    }

    private async Task<IPage> NewTabAsync(TestAccount account)
    {
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", "en-GB", bypassContentSecurityPolicy: true);
        await BrowserFixture.LogInAsync(tab, account.Email, account.Password);
        await Assertions.Expect(tab.Locator("form[action='/Account/Logout'] button")).ToBeVisibleAsync();
        return tab;
    }

}
