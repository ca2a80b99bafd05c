using System.Text.Json;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the creative's pages: the entry form, an entry, my entries, my data, a public profile.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EntryPagesAccessibilityTests(BrowserFixture browser) : IDisposable
{
    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe.min.js"));
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
        await AssertNoViolationsAsync(tab, "entry form");
        await tab.Locator("#Input_Title").FillAsync("Jasmine Dusk");
        await tab.Locator("#Input_Files").SetInputFilesAsync(_image);
        await tab.Locator("#Input_AcceptLicence").CheckAsync();
        await tab.Locator("#Input_DeclareOriginal").CheckAsync();
        await tab.Locator("form[data-upload-progress] button[type=submit]").ClickAsync();
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync("Jasmine Dusk");
        await AssertNoViolationsAsync(tab, "entry page");

        await tab.GotoAsync("/Entries");
        await AssertNoViolationsAsync(tab, "my entries");
        await tab.GotoAsync("/Account/Manage/Data");
        await AssertNoViolationsAsync(tab, "my data");
        await tab.GotoAsync("/Account/Manage");
        await tab.Locator("a[href^='/c/']").ClickAsync();
        await AssertNoViolationsAsync(tab, "public profile");
    }

    public void Dispose() => File.Delete(_image);

    private static async Task AssertNoViolationsAsync(IPage tab, string page)
    {
        await tab.EvaluateAsync(Axe);
        var result = await tab.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations" +
            ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        var violations = result.EnumerateArray().Select(violation => $"{page}: {violation.GetString()}").ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
