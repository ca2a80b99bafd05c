using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// Issue 13, saved searches, in French and English, on a phone and on a desktop: from the challenge list, a visitor
/// saves their search, logs in on the way, finds the form filled with it, chooses the daily e-mail and sees the search
/// kept, then turns the e-mail off and deletes it; axe and the HTML checker find nothing.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SavedSearchJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("fr-FR", 375)]
    [InlineData("en-GB", 1280)]
    [InlineData("en-GB", 375)]
    [InlineData("fr-FR", 1280)]
    public async Task A_visitor_saves_a_search_of_the_list_logging_in_on_the_way(string locale, int width)
    {
        var text = locale.StartsWith("fr", StringComparison.Ordinal) ? French : English;
        var creative = await browser.Site.AccountAsync();
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", locale);
        await tab.SetViewportSizeAsync(width, 800);

        await tab.GotoAsync("/Challenges?q=aquarelle&category=Illustration");
        await tab.GetByRole(AriaRole.Link, new() { Name = text["SaveLink"] }).ClickAsync();
        await tab.GetByLabel(text["Email"]).FillAsync(creative.Email);
        await tab.GetByLabel(text["Password"]).FillAsync(creative.Password);
        await tab.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = text["LogIn"] }).ClickAsync();

        await Assertions.Expect(tab.GetByRole(AriaRole.Heading, new() { Name = text["Title"], Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(tab.GetByLabel(text["Name"])).ToHaveValueAsync("aquarelle");
        await Assertions.Expect(tab.GetByLabel(text["Category"])).ToHaveValueAsync("Illustration");
        await tab.GetByLabel(text["Digest"]).CheckAsync();
        await Axe.AssertNoViolationsAsync(tab, $"saved-search-form {locale} {width}");
        await tab.GetByRole(AriaRole.Button, new() { Name = text["Save"], Exact = true }).ClickAsync();

        await Assertions.Expect(tab.GetByText(text["Saved"])).ToBeVisibleAsync();
        var saved = tab.Locator("[data-saved-search]");
        await Assertions.Expect(saved).ToHaveCountAsync(1);
        await Assertions.Expect(saved).ToContainTextAsync(text["Quoted"]);
        await Assertions.Expect(saved).ToContainTextAsync(text["DigestOn"]);
        Assert.True(await tab.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the page scrolls sideways at {width} px");
        await Axe.AssertNoViolationsAsync(tab, $"saved-search-list {locale} {width}");
        await BrowserFixture.ScreenshotAsync(tab, $"saved-search-01-{locale}-{width}");

        await saved.GetByRole(AriaRole.Button, new() { Name = text["DigestOff"] }).ClickAsync();
        await Assertions.Expect(saved).ToContainTextAsync(text["DigestIsOff"]);
        await saved.Locator("summary", new() { HasText = text["Delete"] }).ClickAsync();
        await saved.GetByRole(AriaRole.Button, new() { Name = text["ConfirmDelete"] }).ClickAsync();
        await Assertions.Expect(tab.Locator("[data-saved-search]")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(tab, $"saved-search-list emptied {locale} {width}");
    }

    private static readonly Dictionary<string, string> English = new()
    {
        ["SaveLink"] = "Save this search and hear of new matching challenges",
        ["Email"] = "E-mail address",
        ["Password"] = "Password",
        ["LogIn"] = "Log in",
        ["Title"] = "Saved searches",
        ["Name"] = "Name of the search",
        ["Category"] = "Category",
        ["Digest"] = "Also send me a daily e-mail with the new challenges",
        ["Save"] = "Save this search",
        ["Saved"] = "Search saved: new matching challenges will appear in your notifications and in a daily e-mail.",
        ["Quoted"] = "“aquarelle”",
        ["DigestOn"] = "Daily e-mail: on",
        ["DigestOff"] = "Turn the daily e-mail off",
        ["DigestIsOff"] = "Daily e-mail: off",
        ["Delete"] = "Delete",
        ["ConfirmDelete"] = "Yes, delete this search (aquarelle)",
    };

    private static readonly Dictionary<string, string> French = new()
    {
        ["SaveLink"] = "Enregistrer cette recherche et être prévenu des nouveaux défis qui y correspondent",
        ["Email"] = "Adresse e-mail",
        ["Password"] = "Mot de passe",
        ["LogIn"] = "Se connecter",
        ["Title"] = "Recherches enregistrées",
        ["Name"] = "Nom de la recherche",
        ["Category"] = "Catégorie",
        ["Digest"] = "M’envoyer aussi un e-mail quotidien avec les nouveaux défis",
        ["Save"] = "Enregistrer cette recherche",
        ["Saved"] = "Recherche enregistrée\u00a0: les nouveaux défis qui y correspondent apparaîtront dans vos notifications et dans un e-mail quotidien.",
        ["Quoted"] = "«\u00a0aquarelle\u00a0»",
        ["DigestOn"] = "E-mail quotidien\u00a0: activé",
        ["DigestOff"] = "Désactiver l’e-mail quotidien",
        ["DigestIsOff"] = "E-mail quotidien\u00a0: désactivé",
        ["Delete"] = "Supprimer",
        ["ConfirmDelete"] = "Oui, supprimer cette recherche (aquarelle)",
    };
}
