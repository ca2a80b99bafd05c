using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// Screening in a browser: two creatives send the same image, one reports the challenge; a moderator sees both flags in
/// the queue and sends one entry back with what to change; its author reads the message on the entry page. axe checks
/// the queue, the report form and the entry page.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ScreeningJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly string _image = Path.Combine(Path.GetTempPath(), $"screening-{Guid.NewGuid():N}.png");

    [Fact]
    public async Task A_moderator_asks_for_changes_from_the_queue_and_the_creative_reads_them_on_the_entry()
    {
        var word = $"jasmine{Guid.NewGuid():N}"[..12]; // other tests share the site: this journey's titles carry a word of their own
        var challenge = await OpenChallenges.CreateAsync(browser.Site, await browser.Site.AccountAsync(), title: $"Name our tea {word}");
        await File.WriteAllBytesAsync(_image, TestFiles.Png(320, 240, seed: 81));
        var (chloe, copier, moderator) = (await browser.Site.AccountAsync(), await browser.Site.AccountAsync(), await browser.Site.AccountAsync("Moderator"));

        var chloeTab = await EnterAsync(chloe, challenge, $"Jasmine Dusk {word}");
        var entryUrl = chloeTab.Url;
        await chloeTab.GotoAsync(challenge);
        await chloeTab.GetByRole(AriaRole.Link, new() { Name = "Report a problem" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(chloeTab, "report form");
        await chloeTab.GetByLabel("What kind of problem").SelectOptionAsync(new SelectOptionValue { Label = "Breaks the challenge's rules" });
        await chloeTab.GetByLabel("What is wrong").FillAsync("The brief asks for a name but the prize says logo.");
        await chloeTab.GetByRole(AriaRole.Button, new() { Name = "Send to the moderators" }).ClickAsync();
        await Assertions.Expect(chloeTab.GetByText("Thank you: the moderators have your report.")).ToBeVisibleAsync();
        await EnterAsync(copier, challenge, $"Jasmine Dawn {word}");

        var desk = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", "en-GB", bypassContentSecurityPolicy: true);
        await BrowserFixture.LogInAsync(desk, moderator.Email, moderator.Password);
        await Assertions.Expect(desk.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        await desk.GotoAsync("/Moderation");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Screening queue" }).ClickAsync();
        var row = desk.Locator(".screening-item").Filter(new() { Has = desk.GetByRole(AriaRole.Heading, new() { Name = $"Jasmine Dusk {word}" }) });
        await Assertions.Expect(row.GetByText("Same file as another account")).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator("#reports-title").Locator("xpath=..")).ToContainTextAsync("The brief asks for a name but the prize says logo.");
        await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await row.Locator(".screening-preview img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The preview shows the entry's image.");
        await Axe.AssertNoViolationsAsync(desk, "screening queue");
        await BrowserFixture.ScreenshotAsync(desk, "screening-01-queue");

        await row.GetByText("Ask for changes").ClickAsync();
        await row.GetByLabel("What the creative should change").FillAsync("Please give the name in French as well: the tin is sold in Québec.");
        await Axe.AssertNoViolationsAsync(desk, "screening queue with a form open");
        await BrowserFixture.ScreenshotAsync(desk, "screening-02-asking-for-changes");
        await row.GetByRole(AriaRole.Button, new() { Name = "Send back to the creative" }).ClickAsync();
        await Assertions.Expect(desk.GetByText("Entry sent back: its author is told what to change.")).ToBeVisibleAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = $"Jasmine Dusk {word}" })).ToHaveCountAsync(0);

        await chloeTab.GotoAsync(entryUrl);
        var outcome = chloeTab.GetByRole(AriaRole.Region, new() { Name = "A moderator asks for changes" });
        await Assertions.Expect(outcome).ToContainTextAsync("Please give the name in French as well: the tin is sold in Québec.");
        await Assertions.Expect(outcome.GetByRole(AriaRole.Link, new() { Name = "Make the changes" })).ToBeVisibleAsync();
        await chloeTab.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Axe.AssertNoViolationsAsync(chloeTab, "entry with changes requested");
        await BrowserFixture.ScreenshotAsync(chloeTab, "screening-03-changes-requested");
    }

    public void Dispose() => File.Delete(_image);

    /// <summary>Logs in as <paramref name="account"/> in a tab of its own and enters the challenge with the shared image; the tab ends on the entry.</summary>
    private async Task<IPage> EnterAsync(TestAccount account, string challenge, string title)
    {
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", "en-GB", bypassContentSecurityPolicy: true);
        await BrowserFixture.LogInAsync(tab, account.Email, account.Password);
        await Assertions.Expect(tab.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        await tab.GotoAsync($"{challenge}/enter");
        await tab.Locator("#Input_Title").FillAsync(title);
        await tab.Locator("#Input_Files").SetInputFilesAsync(_image);
        await tab.Locator("#Input_AcceptLicence").CheckAsync();
        await tab.Locator("#Input_DeclareOriginal").CheckAsync();
        await tab.Locator("form[data-upload-progress] button[type=submit]").ClickAsync();
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync(title, new() { Timeout = 30_000 }); // an upload, on a shared machine
        return tab;
    }

}
