using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// Issue 13, a cover image per challenge: the brand opens its challenge's files page, chooses a picture and saves it;
/// the page shows it and the challenge's page carries it. In English on a desktop and in French on a phone; axe and
/// the HTML checker find nothing on the way.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CoverUploadJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-GB", 1280, "Files for creatives", "No cover image yet", "Choose a cover image", "Save the cover", "The cover image was saved.", "The challenge's current cover image")]
    [InlineData("fr-FR", 375, "Fichiers pour les créatifs", "Pas encore d’image de couverture", "Choisir une image de couverture", "Enregistrer la couverture", "L’image de couverture a été enregistrée.", "L’image de couverture actuelle du défi")]
    public async Task A_brand_uploads_a_cover_and_its_challenge_page_shows_it(
        string locale, int width, string heading, string noCover, string choose, string save, string saved, string currentCover)
    {
        var owner = await browser.Site.AccountAsync();
        var challengePage = await OpenChallenges.CreateAsync(browser.Site, owner, title: "A tin for white tea");
        var page = await browser.NewPageAsync("en-GB", bypassContentSecurityPolicy: true); // to inject axe
        await BrowserFixture.LogInAsync(page, owner.Email, owner.Password);
        await Assertions.Expect(page.Locator("form[action='/Account/Logout'] button")).ToBeVisibleAsync();
        if (locale == "fr-FR")
        {
            await page.Locator("form.language-switch button[value=fr]").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", new System.Text.RegularExpressions.Regex("^fr"));
        }

        await page.SetViewportSizeAsync(width, 800);
        var filesPage = challengePage.Replace("/Challenges/", "/Challenges/Edit/", StringComparison.Ordinal) + "/files";
        await page.GotoAsync(filesPage);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(noCover)).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, $"files page without a cover {locale} {width}");

        await page.GetByLabel(choose).SetInputFilesAsync(new FilePayload { Name = "tin.png", MimeType = "image/png", Buffer = TestFiles.Png(320, 180, seed: 41) });
        await page.GetByRole(AriaRole.Button, new() { Name = save }).ClickAsync();
        await Assertions.Expect(page.GetByText(saved)).ToBeVisibleAsync();
        var cover = page.GetByRole(AriaRole.Img, new() { Name = currentCover });
        await Assertions.Expect(cover).ToBeVisibleAsync();
        Assert.True(await cover.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The files page shows the saved cover.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The files page scrolls sideways.");
        await Axe.AssertNoViolationsAsync(page, $"files page with its cover {locale} {width}");
        await BrowserFixture.ScreenshotAsync(page, $"cover-upload-{locale}-{width}");

        await page.GotoAsync(challengePage);
        await Assertions.Expect(page.Locator($"img[src^='/Challenges/Cover/{challengePage.Split('/')[^1]}']").First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, $"challenge page with its cover {locale} {width}");
    }
}
