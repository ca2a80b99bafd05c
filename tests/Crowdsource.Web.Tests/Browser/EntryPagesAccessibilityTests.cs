using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the creative's pages: the entry form, an entry, my entries, my data, a public profile.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EntryPagesAccessibilityTests(BrowserFixture browser) : IDisposable
{
    private readonly string _image = Path.Combine(Path.GetTempPath(), $"axe-entry-{Guid.NewGuid():N}.png");

    [Fact]
    public async Task The_creative_s_pages_have_no_wcag_a_or_aa_violation()
    {
        var challenge = await OpenChallenges.CreateAsync(browser.Site, await browser.Site.AccountAsync());
        var creative = await browser.Site.AccountAsync();
        await File.WriteAllBytesAsync(_image, TestFiles.Png(200, 150, seed: 61));
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", "en-GB", bypassContentSecurityPolicy: true);
        await BrowserFixture.LogInAsync(tab, creative.Email, creative.Password);
        await Assertions.Expect(tab.Locator("form[action='/Account/Logout'] button")).ToBeVisibleAsync();

        await tab.GotoAsync($"{challenge}/enter");
        await Axe.AssertNoViolationsAsync(tab, "entry form");
        await tab.Locator("#Input_Title").FillAsync("Jasmine Dusk");
        await tab.Locator("#Input_Files").SetInputFilesAsync(_image);
        await tab.Locator("#Input_AcceptLicence").CheckAsync();
        await tab.Locator("#Input_DeclareOriginal").CheckAsync();
        await tab.Locator("form[data-upload-progress] button[type=submit]").ClickAsync();
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync("Jasmine Dusk");
        await Axe.AssertNoViolationsAsync(tab, "entry page");

        await tab.GotoAsync("/Entries");
        await Axe.AssertNoViolationsAsync(tab, "my entries");
        await tab.GotoAsync("/Account/Manage/Data");
        await Axe.AssertNoViolationsAsync(tab, "my data");
        await tab.GotoAsync("/Account/Manage");
        await tab.Locator("a[href^='/c/']").ClickAsync();
        await Axe.AssertNoViolationsAsync(tab, "public profile");
    }

    public void Dispose() => File.Delete(_image);

}
