using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// Issue 13, saved searches, on a phone in French: from the challenge list, a visitor saves their search, logs in on
/// the way, finds the form filled with it, chooses the daily e-mail and sees the search kept; axe finds nothing.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SavedSearchJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_saves_a_search_of_the_list_logging_in_on_the_way()
    {
        var creative = await browser.Site.AccountAsync();
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", "fr-FR");
        await tab.SetViewportSizeAsync(375, 667);

        await tab.GotoAsync("/Challenges?q=aquarelle&category=Illustration");
        await tab.GetByRole(AriaRole.Link, new() { Name = "Enregistrer cette recherche et être prévenu des nouveaux défis qui y correspondent" }).ClickAsync();
        await tab.GetByLabel("Adresse e-mail").FillAsync(creative.Email);
        await tab.GetByLabel("Mot de passe").FillAsync(creative.Password);
        await tab.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Assertions.Expect(tab.GetByRole(AriaRole.Heading, new() { Name = "Recherches enregistrées", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(tab.GetByLabel("Nom de la recherche")).ToHaveValueAsync("aquarelle");
        await Assertions.Expect(tab.GetByLabel("Catégorie")).ToHaveValueAsync("Illustration");
        await tab.GetByLabel("M’envoyer aussi un e-mail quotidien avec les nouveaux défis").CheckAsync();
        await Axe.AssertNoViolationsAsync(tab, "saved-search-form");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Enregistrer cette recherche" }).ClickAsync();

        await Assertions.Expect(tab.GetByText("Recherche enregistrée\u00a0: les nouveaux défis qui y correspondent apparaîtront dans vos notifications et dans un e-mail quotidien.")).ToBeVisibleAsync();
        var saved = tab.Locator("[data-saved-search]");
        await Assertions.Expect(saved).ToHaveCountAsync(1);
        await Assertions.Expect(saved).ToContainTextAsync("«\u00a0aquarelle\u00a0»");
        await Assertions.Expect(saved).ToContainTextAsync("E-mail quotidien\u00a0: activé");
        Assert.True(await tab.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 375"), "the page scrolls sideways at 375 px");
        await Axe.AssertNoViolationsAsync(tab, "saved-search-list");
        await BrowserFixture.ScreenshotAsync(tab, "saved-search-01-fr-375");

        await saved.GetByRole(AriaRole.Button, new() { Name = "Désactiver l’e-mail quotidien" }).ClickAsync();
        await Assertions.Expect(saved).ToContainTextAsync("E-mail quotidien\u00a0: désactivé");
        await saved.Locator("summary", new() { HasText = "Supprimer" }).ClickAsync();
        await saved.GetByRole(AriaRole.Button, new() { Name = "Oui, supprimer cette recherche (aquarelle)" }).ClickAsync();
        await Assertions.Expect(tab.Locator("[data-saved-search]")).ToHaveCountAsync(0);
    }
}
