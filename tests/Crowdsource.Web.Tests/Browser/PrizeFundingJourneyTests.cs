using System.Globalization;
using System.Text.RegularExpressions;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// Funded prizes in the browser, in English on a desktop and in French on a phone: a moderator cannot approve a
/// challenge whose prizes are not funded; its brand's owner follows the edit page to the funding page, is told what an
/// empty reference lacks, records the transfer; an admin confirms it (two steps) on the funding desk; the owner sees the
/// pool funded and the ledger line; the moderator approves, and the public page shows "Prize funded". axe and the HTML
/// checker look at every page, none scrolls sideways.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PrizeFundingJourneyTests(BrowserFixture browser)
{
    private const string Reference = "SEPA-2026-778";

    [Theory]
    [InlineData("en-GB", 1280)]
    [InlineData("fr-FR", 375)]
    public async Task A_brand_funds_its_prizes_an_admin_confirms_and_only_then_the_challenge_is_published_with_its_prizes_funded(string locale, int width)
    {
        var text = Text.For(locale);
        var site = browser.Site;
        var (ownerAccount, moderatorAccount, adminAccount) = (await site.AccountAsync(), await site.AccountAsync(Roles.Moderator), await site.AccountAsync(Roles.Admin));
        var challenge = await ChallengesInReview.CreateAsync(site, ownerAccount, $"{text.Title} {Guid.NewGuid():N}"[..(text.Title.Length + 7)]);
        var shot = $"funding-{locale}-{width}";

        // Before the prizes are funded, the moderator's Approve is disabled and says why.
        var moderator = await SignedInTabAsync(moderatorAccount, locale, width);
        await moderator.GotoAsync($"/Moderation/Challenge/{challenge.ChallengeId}");
        var approve = moderator.GetByRole(AriaRole.Button, new() { Name = text.Approve });
        await Assertions.Expect(approve).ToBeDisabledAsync();
        await Assertions.Expect(moderator.Locator("#not-funded-note")).ToContainTextAsync(text.NotFundedNote);
        await Assertions.Expect(approve).ToHaveAttributeAsync("aria-describedby", "not-funded-note");
        await CheckPageAsync(moderator, width, "moderation, not funded", $"{shot}-01-moderation-not-funded");

        // The owner opens the challenge's edit page and follows the link to its funding.
        var owner = await SignedInTabAsync(ownerAccount, locale, width);
        await owner.GotoAsync($"/Challenges/Edit/{challenge.ChallengeId}");
        await CheckPageAsync(owner, width, "edit page", $"{shot}-02-edit");
        await owner.GetByRole(AriaRole.Link, new() { Name = text.OpenFunding }).ClickAsync();
        await Assertions.Expect(owner).ToHaveURLAsync(new Regex($"{challenge.Funding}$"));
        await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Name = text.FundingTitle, Level = 1 })).ToBeVisibleAsync();
        var how = owner.GetByRole(AriaRole.Region, new() { Name = text.HowToFund });
        await Assertions.Expect(how).ToContainTextAsync(text.Pool);
        await Assertions.Expect(how).ToContainTextAsync("CS-" + challenge.ChallengeId.ToString("N")[..8].ToUpperInvariant()); // the label to write in the transfer
        await CheckPageAsync(owner, width, "funding page", $"{shot}-03-funding");

        // An empty reference is refused, in the page's language; then the owner records the real one.
        await owner.GetByRole(AriaRole.Button, new() { Name = text.RecordTransfer }).ClickAsync();
        var reference = owner.GetByLabel(text.BankReference);
        await Assertions.Expect(owner.GetByRole(AriaRole.Main)).ToContainTextAsync(text.ReferenceMissing);
        await CheckPageAsync(owner, width, "funding page, empty reference", $"{shot}-04-empty-reference");
        await reference.FillAsync(Reference);
        await owner.GetByRole(AriaRole.Button, new() { Name = text.RecordTransfer }).ClickAsync();
        await Assertions.Expect(owner.GetByText(text.TransferRecorded)).ToBeVisibleAsync();
        await Assertions.Expect(owner.GetByLabel(text.BankReference)).ToHaveCountAsync(0); // one transfer at a time
        await CheckPageAsync(owner, width, "funding page, transfer recorded", $"{shot}-05-recorded");

        // The admin finds the transfer on Admin → Prize funding and confirms it, in two steps.
        var admin = await SignedInTabAsync(adminAccount, locale, width);
        if (width < 1200)
        {
            await admin.GetByRole(AriaRole.Button, new() { Name = text.Menu }).ClickAsync();
        }

        await admin.GetByRole(AriaRole.Navigation, new() { Name = text.MainNavigation }).GetByRole(AriaRole.Link, new() { Name = text.Admin, Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Administration" }).GetByRole(AriaRole.Link, new() { Name = text.FundingTitle }).ClickAsync();
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = challenge.Title });
        await Assertions.Expect(row).ToContainTextAsync(Reference);
        await Assertions.Expect(row).ToContainTextAsync(text.Pool);
        await CheckPageAsync(admin, width, "funding desk", $"{shot}-06-desk");
        await row.Locator("summary", new() { HasText = text.MoneyArrived }).ClickAsync();
        var confirm = row.GetByRole(AriaRole.Button, new() { Name = text.ConfirmTransfer });
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await CheckPageAsync(admin, width, "funding desk, confirmation open", $"{shot}-07-desk-confirm");
        await confirm.ClickAsync();
        await Assertions.Expect(admin.GetByText(text.TransferConfirmed)).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = challenge.Title })).ToHaveCountAsync(0);

        // The owner's funding page: the pool is funded, and the ledger has the money in.
        await owner.ReloadAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Status).Filter(new() { HasText = text.PrizeFunded })).ToBeVisibleAsync();
        var line = owner.Locator(".ledger-table tbody tr");
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await Assertions.Expect(line).ToContainTextAsync(text.LedgerFunded);
        await Assertions.Expect(line).ToContainTextAsync(Reference);
        await Assertions.Expect(line).ToContainTextAsync("+" + text.Pool);
        await CheckPageAsync(owner, width, "funding page, funded", $"{shot}-08-funded");

        // The moderator may now approve; the public page shows the prizes funded.
        await moderator.ReloadAsync();
        await Assertions.Expect(moderator.Locator("#not-funded-note")).ToHaveCountAsync(0);
        await moderator.GetByRole(AriaRole.Button, new() { Name = text.Approve }).ClickAsync();
        await Assertions.Expect(moderator.GetByText(text.Approved)).ToBeVisibleAsync();

        var visitor = await TabAsync(locale, width);
        await visitor.GotoAsync($"/Challenges/{challenge.ChallengeId}");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = challenge.Title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator(".key-fact-prize .prize-funded-badge")).ToHaveTextAsync(text.PrizeFunded);
        await Assertions.Expect(visitor.GetByText(text.PrizeFundedExplanation)).ToBeVisibleAsync();
        await CheckPageAsync(visitor, width, "public challenge page", $"{shot}-09-public");
    }

    private async Task<IPage> TabAsync(string locale, int width)
    {
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", locale, bypassContentSecurityPolicy: true);
        tab.SetDefaultTimeout(60_000); // signing in hashes a password: slow when the machine's cores are shared
        await tab.SetViewportSizeAsync(width, 900);
        return tab;
    }

    private async Task<IPage> SignedInTabAsync(TestAccount account, string locale, int width)
    {
        var text = Text.For(locale);
        var tab = await TabAsync(locale, width);
        await tab.GotoAsync("/Account/Login");
        await tab.GetByLabel(text.Email).FillAsync(account.Email);
        await tab.GetByLabel(text.Password).FillAsync(account.Password);
        await tab.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = text.LogIn }).ClickAsync();
        await Assertions.Expect(tab.Locator("form[action='/Account/Logout'] button")).ToHaveCountAsync(1);
        return tab;
    }

    /// <summary>axe and the HTML checker find nothing, the page does not scroll sideways; then a screenshot.</summary>
    private static async Task CheckPageAsync(IPage tab, int width, string page, string screenshot)
    {
        var scrollWidth = await tab.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var widest = scrollWidth <= width ? [] : await tab.EvaluateAsync<string[]>(MobileLayoutTests.WidestElements);
        Assert.True(scrollWidth <= width, $"{page} is {scrollWidth} px wide at {width} px; widest: {string.Join("; ", widest)}");
        await Axe.AssertNoViolationsAsync(tab, page);
        await BrowserFixture.ScreenshotAsync(tab, screenshot);
    }

    /// <summary>What the journey reads and clicks, in each language (the prize pool is 1,200 + 300 EUR).</summary>
    private sealed record Text(
        string Title, string Email, string Password, string LogIn, string Menu, string MainNavigation, string Admin,
        string Approve, string NotFundedNote, string Approved, string OpenFunding, string FundingTitle, string HowToFund,
        string RecordTransfer, string BankReference, string ReferenceMissing, string TransferRecorded, string MoneyArrived,
        string ConfirmTransfer, string TransferConfirmed, string PrizeFunded, string LedgerFunded, string PrizeFundedExplanation)
    {
        private static readonly Text English = new(
            "Refill bottle", "E-mail address", "Password", "Log in", "Show or hide the menu", "Main navigation", "Admin",
            "Approve and publish", "The prizes are not funded yet: you can publish once an admin confirms the brand’s transfer.",
            "Approved: the challenge is published.", "Fund the prizes and see the ledger", "Prize funding", "How to fund the prizes",
            "Record the transfer", "Bank reference of the transfer", "Enter the payment reference (3 to 120 characters).",
            "Transfer recorded: an admin will confirm it once the money arrives.", "The money arrived", "Confirm the transfer",
            "Transfer confirmed: the money is in the prize pool.", "Prize funded", "Money in: prizes funded",
            "The brand transferred the prizes before the challenge opened");

        private static readonly Text French = new(
            "Gourde à remplir", "Adresse e-mail", "Mot de passe", "Se connecter", "Afficher ou masquer le menu", "Navigation principale", "Administration",
            "Approuver et publier", "Les prix ne sont pas encore financés\u00A0: vous pourrez publier quand un administrateur aura confirmé le virement de la marque.",
            "Approuvé\u00A0: le défi est publié.", "Financer les prix et voir le registre", "Financement des prix", "Comment financer les prix",
            "Enregistrer le virement", "Référence bancaire du virement", "Saisissez la référence du paiement (de 3 à 120 caractères).",
            "Virement enregistré\u00A0: un administrateur le confirmera dès que l’argent sera arrivé.", "L’argent est arrivé", "Confirmer le virement",
            "Virement confirmé\u00A0: l’argent est dans la dotation.", "Prix financés", "Entrée\u00A0: prix financés",
            "La marque a versé les prix avant l’ouverture");

        /// <summary>The prize pool as the site writes it in this language.</summary>
        public string Pool => PrizeWording.Amount(ChallengeInReview.Pool, "EUR", CultureInfo.GetCultureInfo(ReferenceEquals(this, French) ? "fr-FR" : "en-GB"));

        public static Text For(string locale) => locale == "fr-FR" ? French : English;
    }
}
