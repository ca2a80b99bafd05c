using Crowdsource.Domain.Accounts;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// The confirmation steps of irreversible actions, in English and French, on a desktop and on a phone: a moderator
/// cancelling a challenge, a creative withdrawing an entry. Each step says what happens before the button that does
/// it; axe and the HTML checker find nothing on the way.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ConfirmationStepsTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-GB", 1280)]
    [InlineData("fr-FR", 375)]
    [InlineData("en-GB", 375)]
    [InlineData("fr-FR", 1280)]
    public async Task Cancelling_a_challenge_says_what_happens_before_the_button_that_does_it(string locale, int width)
    {
        var text = Words(locale);
        var challengePage = await OpenChallenges.CreateAsync(browser.Site, await browser.Site.AccountAsync(), title: "A kettle for tomorrow");
        var moderator = await browser.Site.AccountAsync(Roles.Moderator);
        var page = await InLanguageAsync(moderator, locale, width);
        await page.GotoAsync(challengePage.Replace("/Challenges/", "/Moderation/Challenge/", StringComparison.Ordinal));

        var confirmButton = page.GetByRole(AriaRole.Button, new() { Name = text["CancelConfirm"] });
        await Assertions.Expect(confirmButton).Not.ToBeVisibleAsync();
        await page.Locator("summary", new() { HasText = text["Cancel"] }).ClickAsync();
        await Assertions.Expect(confirmButton).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(text["CancelConsequence"])).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(text["Final"])).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        await Axe.AssertNoViolationsAsync(page, $"cancel confirmation {locale} {width}");
        await BrowserFixture.ScreenshotAsync(page, $"confirm-cancel-{locale}-{width}");
    }

    [Theory]
    [InlineData("en-GB", 1280)]
    [InlineData("fr-FR", 375)]
    [InlineData("en-GB", 375)]
    [InlineData("fr-FR", 1280)]
    public async Task Withdrawing_an_entry_says_what_happens_and_the_entry_is_withdrawn_once_confirmed(string locale, int width)
    {
        var text = Words(locale);
        var challengePage = await OpenChallenges.CreateAsync(browser.Site, await browser.Site.AccountAsync(), title: "A kettle for tomorrow");
        var creative = await browser.Site.AccountAsync();
        var page = await InLanguageAsync(creative, locale, width);
        await page.GotoAsync($"{challengePage}/enter");
        await page.Locator("#Input_Title").FillAsync("Steam at dawn");
        await page.Locator("#Input_Files").SetInputFilesAsync(new FilePayload { Name = "kettle.png", MimeType = "image/png", Buffer = TestFiles.Png(120, 90, seed: 31) });
        await page.Locator("#Input_AcceptLicence").CheckAsync();
        await page.Locator("#Input_DeclareOriginal").CheckAsync();
        await page.Locator("form[data-upload-progress] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Steam at dawn", Level = 1 })).ToBeVisibleAsync();

        var confirmButton = page.GetByRole(AriaRole.Button, new() { Name = text["WithdrawConfirm"] });
        await Assertions.Expect(confirmButton).Not.ToBeVisibleAsync();
        await page.Locator("summary", new() { HasText = text["Withdraw"] }).ClickAsync();
        await Assertions.Expect(page.GetByText(text["WithdrawConsequence"])).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(text["Final"])).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        await Axe.AssertNoViolationsAsync(page, $"withdraw confirmation {locale} {width}");
        await BrowserFixture.ScreenshotAsync(page, $"confirm-withdraw-{locale}-{width}");

        await confirmButton.ClickAsync();
        await Assertions.Expect(page.GetByText(text["Withdrawn"])).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1 + p .badge")).ToHaveTextAsync(text["WithdrawnBadge"]);
        await Assertions.Expect(page.Locator("summary", new() { HasText = text["Withdraw"] })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page, $"withdrawn entry {locale} {width}");
    }

    /// <summary>A tab signed in as <paramref name="account"/>, switched to the language, at the width.</summary>
    private async Task<IPage> InLanguageAsync(TestAccount account, string locale, int width)
    {
        var page = await browser.NewPageAsync("en-GB", bypassContentSecurityPolicy: true); // to inject axe
        await BrowserFixture.LogInAsync(page, account.Email, account.Password);
        await Assertions.Expect(page.Locator("form[action='/Account/Logout'] button")).ToBeVisibleAsync();
        if (locale == "fr-FR")
        {
            await page.Locator("form.language-switch button[value=fr]").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", new System.Text.RegularExpressions.Regex("^fr"));
        }

        await page.SetViewportSizeAsync(width, 800); // after the header's menu was used: a phone folds it
        return page;
    }

    private static Dictionary<string, string> Words(string locale) => locale == "fr-FR" ? French : English;

    private static readonly Dictionary<string, string> English = new()
    {
        ["Cancel"] = "Cancel the challenge",
        ["CancelConfirm"] = "Yes, cancel the challenge",
        ["CancelConsequence"] = "The challenge is cancelled for good",
        ["Final"] = "This cannot be undone.",
        ["Withdraw"] = "Withdraw this entry",
        ["WithdrawConfirm"] = "Yes, withdraw this entry",
        ["WithdrawConsequence"] = "Your entry leaves the challenge for good",
        ["Withdrawn"] = "Your entry was withdrawn",
        ["WithdrawnBadge"] = "Withdrawn",
    };

    private static readonly Dictionary<string, string> French = new()
    {
        ["Cancel"] = "Annuler le défi",
        ["CancelConfirm"] = "Oui, annuler le défi",
        ["CancelConsequence"] = "Le défi est annulé pour de bon",
        ["Final"] = "Cette action est définitive.",
        ["Withdraw"] = "Retirer cette participation",
        ["WithdrawConfirm"] = "Oui, retirer cette participation",
        ["WithdrawConsequence"] = "Votre participation quitte le défi pour de bon",
        ["Withdrawn"] = "Votre participation a été retirée",
        ["WithdrawnBadge"] = "Retirée",
    };
}
