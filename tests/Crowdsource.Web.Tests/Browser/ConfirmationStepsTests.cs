using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>The confirmation steps of irreversible actions, as a moderator sees them, on a phone in French and on a desktop in English.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ConfirmationStepsTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-GB", 1280, "Cancel the challenge", "Yes, cancel the challenge", "This cannot be undone.")]
    [InlineData("fr-FR", 375, "Annuler le défi", "Oui, annuler le défi", "Cette action est définitive.")]
    public async Task Cancelling_a_challenge_says_what_happens_before_the_button_that_does_it(
        string locale, int width, string action, string confirm, string final)
    {
        var challengePage = await OpenChallenges.CreateAsync(browser.Site, await browser.Site.AccountAsync(), title: "A kettle for tomorrow");
        var moderator = await browser.Site.AccountAsync(Roles.Moderator);
        var page = await browser.NewPageAsync("en-GB", bypassContentSecurityPolicy: true);
        await BrowserFixture.LogInAsync(page, moderator.Email, moderator.Password);
        if (locale == "fr-FR")
        {
            await page.Locator("form.language-switch button[value=fr]").ClickAsync();
        }

        await page.SetViewportSizeAsync(width, 800); // after the header's menu was used: a phone folds it
        await page.GotoAsync(challengePage.Replace("/Challenges/", "/Moderation/Challenge/", StringComparison.Ordinal));

        var confirmButton = page.GetByRole(AriaRole.Button, new() { Name = confirm });
        await Assertions.Expect(confirmButton).Not.ToBeVisibleAsync();
        await page.Locator("summary", new() { HasText = action }).ClickAsync();
        await Assertions.Expect(confirmButton).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(final)).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        await Axe.AssertNoViolationsAsync(page, $"cancel confirmation {locale} {width}");
        await BrowserFixture.ScreenshotAsync(page, $"confirm-cancel-{locale}-{width}");
    }
}
