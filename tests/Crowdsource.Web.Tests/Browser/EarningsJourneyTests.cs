using System.Globalization;
using System.Text.RegularExpressions;
using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// Issue 14, a creative's earnings, in French and English, on a phone and on a desktop: the winner opens My earnings,
/// sees the prize awaiting payment, records an IBAN (a mistyped one first: the message says what is wrong and nothing
/// typed is lost) and sees it masked; an admin reveals it on the awards page and records the payment; the winner sees
/// the prize paid and downloads the licence grant. axe checks each page; no page scrolls sideways.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EarningsJourneyTests(BrowserFixture browser)
{
    private const string MistypedIban = "FR76 3000 6000 0112 3456 7890 188";
    private const string Iban = "FR76 3000 6000 0112 3456 7890 189";

    [Theory]
    [InlineData("en-GB", 1280)]
    [InlineData("fr-FR", 375)]
    [InlineData("en-GB", 375)]
    [InlineData("fr-FR", 1280)]
    public async Task The_winner_records_where_to_be_paid_an_admin_pays_and_the_winner_sees_it_paid_with_the_grant(string locale, int width)
    {
        var text = locale.StartsWith("fr", StringComparison.Ordinal) ? French : English;
        var site = browser.Site;
        var (owner, winner, other) = (await site.AccountAsync(), await site.AccountAsync(), await site.AccountAsync());
        var title = $"Earnings tin {Guid.NewGuid():N}"[..21];
        var finished = await FinishedChallenges.CreateAsync(site.Services, owner, winner, other, paid: false, title: title);
        var admin = await site.AccountAsync(Roles.Admin);

        // The winner opens My earnings from their account.
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", locale);
        await tab.SetViewportSizeAsync(width, 800);
        await LogInAsync(tab, winner, text);
        await tab.GotoAsync("/Account/Manage");
        await tab.GetByRole(AriaRole.Navigation, new() { Name = text["AccountNav"] }).GetByRole(AriaRole.Link, new() { Name = text["MyEarnings"] }).ClickAsync();
        await Assertions.Expect(tab.GetByRole(AriaRole.Heading, new() { Name = text["MyEarnings"], Level = 1 })).ToBeVisibleAsync();
        var prize = tab.Locator("[data-earning]");
        await Assertions.Expect(prize).ToHaveCountAsync(1);
        await Assertions.Expect(prize).ToContainTextAsync(title);
        await Assertions.Expect(prize).ToContainTextAsync(text["Prize"]);
        await Assertions.Expect(prize).ToContainTextAsync(text["Awaiting"]);
        await Assertions.Expect(tab.Locator(".earnings-totals")).ToContainTextAsync(text["Amount"]);
        await AssertFitsAsync(tab, width);
        await Axe.AssertNoViolationsAsync(tab, $"earnings awaiting payment {locale} {width}");
        await BrowserFixture.ScreenshotAsync(tab, $"earnings-01-awaiting-{locale}-{width}");

        // A mistyped IBAN is refused with what to fix, and what was typed stays.
        await tab.GetByRole(AriaRole.Link, new() { Name = text["AddPayout"] }).ClickAsync();
        await tab.GetByLabel(text["Holder"]).FillAsync("Jeanne Dupont");
        await tab.GetByLabel(text["IbanLabel"], new() { Exact = true }).FillAsync(MistypedIban);
        await tab.GetByRole(AriaRole.Button, new() { Name = text["Save"] }).ClickAsync();
        await Assertions.Expect(tab.Locator("[data-valmsg-for='Input.Iban']")).ToHaveTextAsync(text["Checksum"]);
        await Assertions.Expect(tab.GetByLabel(text["IbanLabel"], new() { Exact = true })).ToHaveValueAsync(MistypedIban);
        await Assertions.Expect(tab.GetByLabel(text["Holder"])).ToHaveValueAsync("Jeanne Dupont");
        await Assertions.Expect(tab.GetByLabel(text["BankTransfer"])).ToBeCheckedAsync();
        await AssertFitsAsync(tab, width);
        await Axe.AssertNoViolationsAsync(tab, $"payout details refused {locale} {width}");
        await BrowserFixture.ScreenshotAsync(tab, $"earnings-02-iban-refused-{locale}-{width}");

        // Corrected, it is kept and shown masked.
        await tab.GetByLabel(text["IbanLabel"], new() { Exact = true }).FillAsync(Iban);
        await tab.GetByRole(AriaRole.Button, new() { Name = text["Save"] }).ClickAsync();
        await Assertions.Expect(tab.GetByText(text["Saved"])).ToBeVisibleAsync();
        await Assertions.Expect(tab.Locator("[data-payout-masked]")).ToHaveTextAsync("FR76 •••• •••• 0189");
        Assert.DoesNotContain("3000 6000 0112", await tab.ContentAsync(), StringComparison.Ordinal);
        await AssertFitsAsync(tab, width);
        await Axe.AssertNoViolationsAsync(tab, $"earnings with payout details {locale} {width}");
        await BrowserFixture.ScreenshotAsync(tab, $"earnings-03-masked-{locale}-{width}");

        // The admin reveals the details next to the unpaid award, then records the payment.
        var adminTab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", locale);
        await adminTab.SetViewportSizeAsync(width, 800);
        await LogInAsync(adminTab, admin, text);
        var row = adminTab.Locator("tr", new() { HasText = title });
        for (var page = 1; page <= 20; page++)
        {
            await adminTab.GotoAsync($"/Admin/Awards?p={page.ToString(CultureInfo.InvariantCulture)}");
            if (await row.CountAsync() > 0)
            {
                break;
            }
        }

        await Assertions.Expect(row.Locator("[data-payout-masked]")).ToHaveTextAsync("FR76 •••• •••• 0189");
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(text["Reveal"])) }).ClickAsync();
        await Assertions.Expect(row.Locator("[data-payout-full]")).ToHaveTextAsync(Iban);
        await Assertions.Expect(row).ToContainTextAsync("Jeanne Dupont");
        await AssertFitsAsync(adminTab, width);
        await Axe.AssertNoViolationsAsync(adminTab, $"admin awards with payout details revealed {locale} {width}");
        await BrowserFixture.ScreenshotAsync(adminTab, $"earnings-04-admin-revealed-{locale}-{width}");
        await row.Locator("input[name='Input.PaymentReference']").FillAsync("SEPA-EARN-1");
        var payment = row.Locator("form.award-payment");
        await payment.Locator("summary", new() { HasText = text["MarkPaid"] }).ClickAsync();
        await payment.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(text["ConfirmPaid"])) }).ClickAsync();
        await Assertions.Expect(adminTab.GetByText(text["Recorded"])).ToBeVisibleAsync();

        // The winner sees the prize paid, with the grant to download.
        await tab.GotoAsync("/Account/Manage/Earnings");
        await Assertions.Expect(prize).ToContainTextAsync(text["PaidOn"]);
        await Assertions.Expect(tab.Locator(".earnings-totals tbody tr td").Nth(1)).ToHaveTextAsync(text["Zero"]);
        await AssertFitsAsync(tab, width);
        await Axe.AssertNoViolationsAsync(tab, $"earnings paid {locale} {width}");
        await BrowserFixture.ScreenshotAsync(tab, $"earnings-05-paid-{locale}-{width}");
        var download = await tab.RunAndWaitForDownloadAsync(() =>
            prize.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(text["Grant"])) }).ClickAsync());
        Assert.Equal($"licence-grant-{finished.WinningEntryId:N}.pdf", download.SuggestedFilename);
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
        Assert.True(await tab.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{tab.Url} scrolls sideways at {width} px");

    private static readonly Dictionary<string, string> English = new()
    {
        ["Email"] = "E-mail address",
        ["Password"] = "Password",
        ["LogIn"] = "Log in",
        ["AccountNav"] = "Account settings",
        ["MyEarnings"] = "My earnings",
        ["Prize"] = "Prize 1",
        ["Amount"] = "€2,500",
        ["Zero"] = "€0",
        ["Awaiting"] = "Awaiting payment since",
        ["AddPayout"] = "Add payout details",
        ["Holder"] = "Account holder’s name",
        ["IbanLabel"] = "IBAN",
        ["BankTransfer"] = "Bank transfer (IBAN)",
        ["Save"] = "Save payout details",
        ["Checksum"] = "This IBAN’s check digits do not match the rest: a character is probably mistyped.",
        ["Saved"] = "Your payout details are saved, encrypted.",
        ["Reveal"] = "Show full details",
        ["MarkPaid"] = "Record as paid",
        ["ConfirmPaid"] = "Yes, record the payment",
        ["Recorded"] = "The payment is recorded",
        ["PaidOn"] = "Paid on",
        ["Grant"] = "Licence grant (PDF)",
    };

    private static readonly Dictionary<string, string> French = new()
    {
        ["Email"] = "Adresse e-mail",
        ["Password"] = "Mot de passe",
        ["LogIn"] = "Se connecter",
        ["AccountNav"] = "Réglages du compte",
        ["MyEarnings"] = "Mes gains",
        ["Prize"] = "1er prix",
        ["Amount"] = "2\u00a0500\u00a0€",
        ["Zero"] = "0\u00a0€",
        ["Awaiting"] = "En attente de paiement depuis le",
        ["AddPayout"] = "Ajouter des coordonnées de paiement",
        ["Holder"] = "Nom du titulaire du compte",
        ["IbanLabel"] = "IBAN",
        ["BankTransfer"] = "Virement bancaire (IBAN)",
        ["Save"] = "Enregistrer les coordonnées",
        ["Checksum"] = "Les chiffres de contrôle de cet IBAN ne correspondent pas au reste\u00a0: un caractère est sans doute mal saisi.",
        ["Saved"] = "Vos coordonnées de paiement sont enregistrées, chiffrées.",
        ["Reveal"] = "Afficher les coordonnées complètes",
        ["MarkPaid"] = "Enregistrer le paiement",
        ["ConfirmPaid"] = "Oui, enregistrer le paiement",
        ["Recorded"] = "Le paiement est enregistré",
        ["PaidOn"] = "Payé le",
        ["Grant"] = "Octroi de licence (PDF)",
    };
}
