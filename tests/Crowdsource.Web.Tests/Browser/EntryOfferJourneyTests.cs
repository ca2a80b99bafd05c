using System.Globalization;
using System.Text.RegularExpressions;
using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// Issue 14, an offer for an entry that did not win, in English on a desktop and in French on a phone: the brand's
/// owner makes an offer from the challenge's offers page (with the confirmation step), the creative reads it on the
/// entry page and accepts it ticking the licence, an admin records the brand's payment, and the creative sees it paid
/// in My earnings and downloads the licence grant. axe checks each page; no page scrolls sideways.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EntryOfferJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-GB", 1280)]
    [InlineData("fr-FR", 375)]
    public async Task The_brand_makes_an_offer_the_creative_accepts_an_admin_records_the_payment_and_the_grant_is_there(string locale, int width)
    {
        var text = locale.StartsWith("fr", StringComparison.Ordinal) ? French : English;
        var site = browser.Site;
        var (owner, winner, other) = (await site.AccountAsync(), await site.AccountAsync(), await site.AccountAsync());
        var title = $"Offer tin {Guid.NewGuid():N}"[..18];
        var finished = await FinishedChallenges.CreateAsync(site.Services, owner, winner, other, paid: false, title: title);
        var admin = await site.AccountAsync(Roles.Admin);

        // The owner makes an offer on the entry that did not win.
        var brand = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", locale);
        await brand.SetViewportSizeAsync(width, 800);
        await LogInAsync(brand, owner, text);
        await brand.GotoAsync($"/Challenges/{finished.ChallengeId}");
        await brand.GetByRole(AriaRole.Link, new() { Name = text["OffersLink"] }).ClickAsync();
        var card = brand.Locator($"#entry-{finished.OtherEntryId}");
        await Assertions.Expect(card).ToContainTextAsync("Tin of waves");
        await Assertions.Expect(brand.Locator($"#entry-{finished.WinningEntryId}")).ToHaveCountAsync(0);
        await card.GetByLabel(new Regex("^" + Regex.Escape(text["Amount"]))).FillAsync("750");
        await card.GetByLabel(text["Message"]).FillAsync(text["OfferMessage"]);
        await AssertFitsAsync(brand, width);
        await Axe.AssertNoViolationsAsync(brand, $"offers page {locale} {width}");
        await BrowserFixture.ScreenshotAsync(brand, $"offers-01-brand-form-{locale}-{width}");
        await card.Locator("summary", new() { HasText = text["MakeOffer"] }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(text["ConfirmOffer"])) }).ClickAsync();
        await Assertions.Expect(brand.GetByText(text["OfferSent"])).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync(text["Pending"]);
        await AssertFitsAsync(brand, width);
        await Axe.AssertNoViolationsAsync(brand, $"offers page with a pending offer {locale} {width}");
        await BrowserFixture.ScreenshotAsync(brand, $"offers-02-brand-pending-{locale}-{width}");

        // The creative reads it on the entry page and accepts, ticking the licence.
        var creative = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", locale);
        await creative.SetViewportSizeAsync(width, 800);
        await LogInAsync(creative, other, text);
        await creative.GotoAsync($"/Entries/{finished.OtherEntryId}");
        var offers = creative.Locator("#offers");
        await Assertions.Expect(offers).ToContainTextAsync(text["OfferMessage"]);
        await AssertFitsAsync(creative, width);
        await Axe.AssertNoViolationsAsync(creative, $"entry page with an offer {locale} {width}");
        await BrowserFixture.ScreenshotAsync(creative, $"offers-03-creative-offer-{locale}-{width}");
        await offers.GetByLabel(new Regex("^" + Regex.Escape(text["AcceptLicence"]))).CheckAsync();
        await offers.Locator("summary", new() { HasText = text["Accept"] }).ClickAsync();
        await offers.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(text["ConfirmAccept"])) }).ClickAsync();
        await Assertions.Expect(creative.GetByText(text["Accepted"])).ToBeVisibleAsync();
        await AssertFitsAsync(creative, width);
        await BrowserFixture.ScreenshotAsync(creative, $"offers-04-creative-accepted-{locale}-{width}");

        // The admin records the brand's payment.
        var desk = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", locale);
        await desk.SetViewportSizeAsync(width, 800);
        await LogInAsync(desk, admin, text);
        await desk.GotoAsync("/Admin/Awards");
        var row = desk.Locator("#offers-to-pay tr", new() { HasText = "Tin of waves" }).Filter(new() { HasText = title });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator("input[name='OfferPayment.PaymentReference']").FillAsync("SEPA-OFFER-JOURNEY");
        await AssertFitsAsync(desk, width);
        await Axe.AssertNoViolationsAsync(desk, $"admin offers to pay {locale} {width}");
        await BrowserFixture.ScreenshotAsync(desk, $"offers-05-admin-to-pay-{locale}-{width}");
        await row.Locator("summary", new() { HasText = text["MarkPaid"] }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(text["ConfirmPaid"])) }).ClickAsync();
        await Assertions.Expect(desk.GetByText(text["OfferRecorded"])).ToBeVisibleAsync();

        // The creative sees the offer paid in My earnings, with the grant.
        await creative.GotoAsync("/Account/Manage/Earnings");
        var earning = creative.Locator("[data-earning]", new() { HasText = text["EarningOffer"] });
        await Assertions.Expect(earning).ToContainTextAsync(text["PaidOn"]);
        await AssertFitsAsync(creative, width);
        await Axe.AssertNoViolationsAsync(creative, $"earnings with a paid offer {locale} {width}");
        await BrowserFixture.ScreenshotAsync(creative, $"offers-06-earnings-paid-{locale}-{width}");
        var download = await creative.RunAndWaitForDownloadAsync(() =>
            earning.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(text["Grant"])) }).ClickAsync());
        Assert.Equal($"licence-grant-{finished.OtherEntryId:N}.pdf", download.SuggestedFilename);
    }

    private static async Task LogInAsync(IPage tab, TestAccount account, Dictionary<string, string> text)
    {
        await tab.GotoAsync("/Account/Login");
        await tab.GetByLabel(text["Email"]).FillAsync(account.Email);
        await tab.GetByLabel(text["Password"]).FillAsync(account.Password);
        await tab.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = text["LogIn"] }).ClickAsync();
        await Assertions.Expect(tab).Not.ToHaveURLAsync(new Regex("/Account/Login"));
    }

    private static async Task AssertFitsAsync(IPage tab, int width) =>
        Assert.True(await tab.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            string.Create(CultureInfo.InvariantCulture, $"{tab.Url} scrolls sideways at {width} px"));

    private static readonly Dictionary<string, string> English = new()
    {
        ["Email"] = "E-mail address",
        ["Password"] = "Password",
        ["LogIn"] = "Log in",
        ["OffersLink"] = "Offers for other entries",
        ["Amount"] = "Amount (EUR)",
        ["Message"] = "Message to the creative",
        ["OfferMessage"] = "We would like to print your waves on our winter tin.",
        ["MakeOffer"] = "Make the offer",
        ["ConfirmOffer"] = "Yes, make the offer",
        ["OfferSent"] = "Your offer was sent to the creative.",
        ["Pending"] = "Waiting for an answer",
        ["AcceptLicence"] = "I accept the licence",
        ["Accept"] = "Accept the offer",
        ["ConfirmAccept"] = "Yes, accept the offer",
        ["Accepted"] = "You accepted the offer.",
        ["MarkPaid"] = "Record as paid",
        ["ConfirmPaid"] = "Yes, record the payment",
        ["OfferRecorded"] = "The offer is recorded as paid",
        ["EarningOffer"] = "Offer accepted after the results",
        ["PaidOn"] = "Paid on",
        ["Grant"] = "Licence grant (PDF)",
    };

    private static readonly Dictionary<string, string> French = new()
    {
        ["Email"] = "Adresse e-mail",
        ["Password"] = "Mot de passe",
        ["LogIn"] = "Se connecter",
        ["OffersLink"] = "Offres pour d’autres participations",
        ["Amount"] = "Montant (EUR)",
        ["Message"] = "Message au ou à la créative",
        ["OfferMessage"] = "Nous aimerions imprimer vos vagues sur notre boîte d’hiver.",
        ["MakeOffer"] = "Faire l’offre",
        ["ConfirmOffer"] = "Oui, faire l’offre",
        ["OfferSent"] = "Votre offre a été envoyée au ou à la créative.",
        ["Pending"] = "En attente de réponse",
        ["AcceptLicence"] = "J’accepte la licence",
        ["Accept"] = "Accepter l’offre",
        ["ConfirmAccept"] = "Oui, accepter l’offre",
        ["Accepted"] = "Vous avez accepté l’offre.",
        ["MarkPaid"] = "Enregistrer le paiement",
        ["ConfirmPaid"] = "Oui, enregistrer le paiement",
        ["OfferRecorded"] = "L’offre est enregistrée comme payée",
        ["EarningOffer"] = "Offre acceptée après les résultats",
        ["PaidOn"] = "Payé le",
        ["Grant"] = "Octroi de licence (PDF)",
    };
}
