using System.Text.RegularExpressions;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// Issue 13, "forms that help", in a browser at a phone's and a desktop's width, in English and French: the slug
/// suggested as the brand name is typed, the logo kept after an error, live totals of the weights and of the prize
/// pool, the brief's preview, and the entry's files dropped, reordered and removed before sending (sent in that order),
/// with a stale message on the files field cleared once files are chosen. No sideways scrolling, no axe violation.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class FormsThatHelpJourneyTests(BrowserFixture browser)
{
    public static TheoryData<string, int> Sizes => new() { { "en", 375 }, { "en", 1280 }, { "fr", 375 }, { "fr", 1280 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task A_brand_and_a_creative_are_helped_by_their_forms(string language, int width)
    {
        var french = language == "fr";
        var name = $"Crème Brûlée {Guid.NewGuid():N}"[..20];
        var owner = await browser.Site.AccountAsync();
        var page = await PageAsync(owner, language, width);

        // The slug is suggested as the name is typed, by the server's rule.
        await page.GotoAsync("/Brands/New");
        await page.Locator("#Input_Name").FillAsync(name);
        await Assertions.Expect(page.Locator("#Input_Slug")).ToHaveValueAsync(Domain.Common.Slug.From(name));

        // A logo is chosen, but the website is wrong: the form comes back with the logo kept, and says so.
        await page.Locator("#Input_Logo").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = TestFiles.Png(64, 64, seed: 3) });
        await Assertions.Expect(page.Locator("#logo-preview li")).ToHaveCountAsync(1);
        await page.Locator("#Input_Website").FillAsync("not a website");
        await page.Locator("form[data-upload-progress] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".invalid-feedback[data-valmsg-for='Input.Website']")).ToBeVisibleAsync();
        var kept = page.Locator("[data-kept-upload-note='Input_Logo']");
        await Assertions.Expect(kept).ToContainTextAsync(french ? "Votre logo «\u00a0logo.png\u00a0» est conservé" : "Your logo “logo.png” is kept");
        await AssertFitsAsync(page);
        await Axe.AssertNoViolationsAsync(page, "/Brands/New with errors");
        await BrowserFixture.ScreenshotAsync(page, $"forms-01-logo-kept-{language}-{width}");
        await page.Locator("#Input_Website").FillAsync("https://creme.example");
        await page.Locator("form[data-upload-progress] button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Brands/Workspace/"));
        await Assertions.Expect(page.Locator("h1 img")).ToHaveCountAsync(1); // the kept logo is the brand's logo

        // A draft: the totals follow what is typed, and the brief can be previewed.
        await page.Locator("#NewChallengeTitle").FillAsync("A bottle that stays");
        await page.Locator("#NewChallengeTitle").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Challenges/Edit/"));
        await page.Locator("#criterion-weight-0").FillAsync("60");
        await page.Locator("#criterion-weight-1").FillAsync("30");
        await Assertions.Expect(page.Locator("[data-weights-total]")).ToContainTextAsync(french ? new Regex(@"Total des poids\s?:\s90") : new Regex("Total of the weights: 90"));
        await page.Locator("#prize-0").FillAsync("2000");
        await page.Locator("#prize-1").FillAsync("500");
        await page.Locator("#Input_Currency").SelectOptionAsync("CHF");
        await Assertions.Expect(page.Locator("[data-prize-total]")).ToHaveTextAsync(french
            ? new Regex("^Dotation totale\u00a0: 2[\u202f\u00a0]500\u00a0CHF$")
            : new Regex("^Prize pool: CHF\u00a02,500$"));
        await page.Locator("#Input_Brief").FillAsync("## Our bottle\n\nA **refillable** one.");
        await page.Locator("[data-brief-preview] button").ClickAsync();
        var preview = page.Locator(".brief-preview-pane");
        // Rendered by the server: the first preview of a cold site on a loaded machine can take longer than the default wait.
        await Assertions.Expect(preview.Locator("h2").Last).ToHaveTextAsync("Our bottle", new() { Timeout = 45_000 });
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("refillable");
        await AssertFitsAsync(page);
        await Axe.AssertNoViolationsAsync(page, "/Challenges/Edit with totals and preview");
        await BrowserFixture.ScreenshotAsync(page, $"forms-02-totals-preview-{language}-{width}");

        // A creative's entry: a first try without files leaves a message on the files field; choosing files clears it.
        var challengePath = await OpenChallenges.CreateAsync(browser.Site, await browser.Site.AccountAsync(), title: "Name our tea");
        var creative = await PageAsync(await browser.Site.AccountAsync(), language, width);
        await creative.GotoAsync(challengePath + "/enter");
        await creative.Locator("#Input_Title").FillAsync("Oolong Moon");
        await creative.Locator("form[data-upload-progress] button[type=submit]").ClickAsync();
        var filesError = creative.Locator(".invalid-feedback[data-valmsg-for='Input.Files']");
        await Assertions.Expect(filesError).ToBeVisibleAsync();
        await creative.Locator("#Input_Files").SetInputFilesAsync([Png("a.png", 1), Png("b.png", 2)]);
        await Assertions.Expect(filesError).ToHaveCountAsync(0);

        // A third file dropped on the zone joins the list; then one moves up and one is removed.
        var dropped = await creative.EvaluateHandleAsync(
            "bytes => { const transfer = new DataTransfer(); transfer.items.add(new File([new Uint8Array(bytes)], 'c.png', { type: 'image/png' })); return transfer; }",
            TestFiles.Png(40, 30, seed: 3).Select(value => (int)value).ToArray());
        await creative.Locator(".drop-zone").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = dropped });
        await Assertions.Expect(creative.Locator("#file-previews li")).ToHaveCountAsync(3);
        await creative.GetByRole(AriaRole.Button, new() { Name = french ? "Monter c.png" : "Move c.png up" }).ClickAsync();
        await Assertions.Expect(creative.GetByRole(AriaRole.Button, new() { Name = french ? "Monter c.png" : "Move c.png up" })).ToBeFocusedAsync();
        await Assertions.Expect(creative.GetByRole(AriaRole.Status).Filter(new() { HasText = "c.png" }))
            .ToHaveTextAsync(french ? "c.png est maintenant le n°\u00a02." : "c.png is now number 2.");
        await creative.GetByRole(AriaRole.Button, new() { Name = french ? "Retirer a.png" : "Remove a.png" }).ClickAsync();
        Assert.Equal(["c.png", "b.png"], await creative.EvaluateAsync<string[]>("() => Array.from(document.getElementById('Input_Files').files).map(file => file.name)"));
        await Assertions.Expect(creative.Locator("#file-previews li")).ToHaveCountAsync(2);
        await AssertFitsAsync(creative);
        await Axe.AssertNoViolationsAsync(creative, "/Challenges/{id}/enter with chosen files");
        await BrowserFixture.ScreenshotAsync(creative, $"forms-03-files-{language}-{width}");

        // Sent in the order shown.
        await creative.Locator("#Input_AcceptLicence").CheckAsync();
        await creative.Locator("#Input_DeclareOriginal").CheckAsync();
        await creative.Locator("form[data-upload-progress] button[type=submit]").ClickAsync();
        // The files go up in chunks first; on a loaded machine that can take longer than the default wait.
        await Assertions.Expect(creative).ToHaveURLAsync(new Regex("/Entries/"), new() { Timeout = 60_000 });
        await Assertions.Expect(creative.Locator("figcaption > a")).ToHaveTextAsync(["c.png", "b.png"]);
    }

    private static FilePayload Png(string name, int seed) => new() { Name = name, MimeType = "image/png", Buffer = TestFiles.Png(40, 30, seed) };

    private async Task<IPage> PageAsync(TestAccount account, string language, int width)
    {
        var page = await browser.NewPageAsync(bypassContentSecurityPolicy: true); // to inject axe
        await BrowserFixture.LogInAsync(page, account.Email, account.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(width, 900);
        if (language == "fr")
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c%3Dfr%7Cuic%3Dfr", Url = browser.BaseAddress.ToString() }]);
        }

        return page;
    }

    /// <summary>Nothing scrolls sideways.</summary>
    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px");
}
