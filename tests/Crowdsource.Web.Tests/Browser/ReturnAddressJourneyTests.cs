using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// "Enter this challenge" as a newcomer: log in, sign up instead, confirm by the e-mailed link, log in, and land back
/// on the challenge's entry form, in English and in French, on a desktop and on a phone; axe and the HTML checker
/// find nothing on the way.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReturnAddressJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-GB", 1280)]
    [InlineData("fr-FR", 375)]
    [InlineData("en-GB", 375)]
    [InlineData("fr-FR", 1280)]
    public async Task A_newcomer_who_signs_up_on_the_way_to_enter_lands_back_on_the_entry_form(string locale, int width)
    {
        var text = locale.StartsWith("fr", StringComparison.Ordinal) ? French : English;
        var owner = await browser.Site.AccountAsync();
        var challengePage = await OpenChallenges.CreateAsync(browser.Site, owner, title: "Name our oolong");
        var page = await browser.NewPageAsync(locale, bypassContentSecurityPolicy: true); // to inject axe
        await page.SetViewportSizeAsync(width, 800);
        var email = $"newcomer.{Guid.NewGuid():N}@example.com";
        const string password = "lavender trains at dawn";

        await page.GotoAsync(challengePage);
        await page.GetByRole(AriaRole.Link, new() { Name = text["Enter"] }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Axe.AssertNoViolationsAsync(page, $"log-in on the way {locale} {width}");
        await page.GetByRole(AriaRole.Link, new() { Name = text["SignUp"] }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page, $"sign-up on the way {locale} {width}");
        await page.GetByLabel(text["DisplayName"]).FillAsync("Nina Newcomer");
        await page.GetByLabel(text["Email"]).FillAsync(email);
        await page.GetByLabel(text["Password"], new() { Exact = true }).FillAsync(password);
        await page.GetByLabel(text["PasswordAgain"]).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = text["Create"] }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = text["Mailbox"] })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, $"check your mailbox {locale} {width}");

        var confirmation = (await browser.Site.EmailsToAsync(email)).Single();
        var link = CrowdsourceWebFactory.LinksIn(confirmation).First(candidate => candidate.AbsolutePath == "/Account/ConfirmEmail");
        Assert.Contains("returnUrl=", link.Query, StringComparison.Ordinal);
        await page.GotoAsync(link.ToString());
        await Assertions.Expect(page.GetByText(text["Confirmed"])).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, $"e-mail confirmed {locale} {width}");
        await BrowserFixture.ScreenshotAsync(page, $"return-address-confirmed-{locale}-{width}");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = text["LogIn"] }).ClickAsync();
        await page.GetByLabel(text["Email"]).FillAsync(email);
        await page.GetByLabel(text["Password"]).FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = text["LogIn"] }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{challengePage}/enter$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Name our oolong");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The entry form scrolls sideways.");
        await Axe.AssertNoViolationsAsync(page, $"entry form {locale} {width}");
        await BrowserFixture.ScreenshotAsync(page, $"return-address-entry-form-{locale}-{width}");
    }

    private static readonly Dictionary<string, string> English = new()
    {
        ["Enter"] = "Enter this challenge",
        ["SignUp"] = "No account yet? Sign up",
        ["DisplayName"] = "Display name",
        ["Email"] = "E-mail address",
        ["Password"] = "Password",
        ["PasswordAgain"] = "Type the password again",
        ["Create"] = "Create my account",
        ["Mailbox"] = "Check your mailbox",
        ["Confirmed"] = "your e-mail address is confirmed",
        ["LogIn"] = "Log in",
    };

    private static readonly Dictionary<string, string> French = new()
    {
        ["Enter"] = "Participer à ce défi",
        ["SignUp"] = "Pas encore de compte ? Inscrivez-vous",
        ["DisplayName"] = "Nom affiché",
        ["Email"] = "Adresse e-mail",
        ["Password"] = "Mot de passe",
        ["PasswordAgain"] = "Saisissez à nouveau le mot de passe",
        ["Create"] = "Créer mon compte",
        ["Mailbox"] = "Consultez votre boîte mail",
        ["Confirmed"] = "votre adresse e-mail est confirmée",
        ["LogIn"] = "Se connecter",
    };
}
