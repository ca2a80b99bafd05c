using System.Text.RegularExpressions;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Files;
using Crowdsource.Application.Judging;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// Nobody works for nothing, the whole path in the browser, in English on a desktop and in French on a phone, on a
/// site whose clock the test moves (<see cref="ClockedSite"/>): the brand funds the prizes and the runner-up pool and
/// an admin confirms, a moderator approves and the challenge opens; the brand rates an entry during the contest and its
/// creative revises it; the deadlines pass and the results are announced; the brand makes an offer on an entry that
/// did not win, its creative accepts, the admin records the payment and the grant PDF appears; the admin pays the prize
/// and the runner-up reward; and the brand's public fairness record shows all of it. Entries other than the creative's own, and the moderators' screening, are arranged (other
/// journeys walk them). axe and the HTML checker look at the pages people act on; none scrolls sideways.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FairChallengeJourneyTests(BrowserFixture browser, ClockedSite site) : IClassFixture<ClockedSite>
{
    private const string TimeZone = "Europe/Paris";
    private const decimal FirstPrize = 1000m;
    private const decimal RunnerUpPool = 300m;

    [Theory]
    [InlineData("en-GB", 1280)]
    [InlineData("fr-FR", 375)]
    public async Task A_funded_challenge_gives_feedback_pays_its_winner_runner_up_and_accepted_offer_and_its_brand_record_shows_it(string locale, int width)
    {
        var text = locale == "fr-FR" ? French : English;
        var word = $"{Guid.NewGuid():N}"[..6];
        var shot = $"fair-{locale}-{width}";
        var (ownerAccount, adminAccount, moderatorAccount) = (await site.AccountAsync(), await site.AccountAsync(Roles.Admin), await site.AccountAsync(Roles.Moderator));
        var (chloeAccount, beaAccount, camAccount) = (await site.AccountAsync(), await site.AccountAsync(), await site.AccountAsync());
        var arranged = await ArrangeChallengeInReviewAsync(ownerAccount, $"{text["Title"]} {word}");

        // The brand records its transfer for the prizes; an admin confirms the money arrived; a moderator approves.
        var owner = await SignedInTabAsync(ownerAccount, locale, width);
        await owner.GotoAsync($"/Challenges/Edit/{arranged.ChallengeId}/funding");
        await owner.GetByLabel(text["BankReference"]).FillAsync($"SEPA-FAIR-{word}");
        await owner.GetByRole(AriaRole.Button, new() { Name = text["RecordTransfer"] }).ClickAsync();
        await Assertions.Expect(owner.GetByText(text["TransferRecorded"])).ToBeVisibleAsync();
        var admin = await SignedInTabAsync(adminAccount, locale, width);
        await admin.GotoAsync("/Admin/Funding");
        var transfer = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = arranged.Title });
        await transfer.Locator("summary", new() { HasText = text["MoneyArrived"] }).ClickAsync();
        await transfer.GetByRole(AriaRole.Button, new() { Name = text["ConfirmTransfer"] }).ClickAsync();
        await Assertions.Expect(admin.GetByText(text["TransferConfirmed"])).ToBeVisibleAsync();
        var moderator = await SignedInTabAsync(moderatorAccount, locale, width);
        await moderator.GotoAsync($"/Moderation/Challenge/{arranged.ChallengeId}");
        await moderator.GetByRole(AriaRole.Button, new() { Name = text["Approve"] }).ClickAsync();
        await Assertions.Expect(moderator.GetByText(text["Approved"])).ToBeVisibleAsync();

        // The challenge opens; before entering, a creative reads that the prizes are funded and the brand has no history yet.
        await MoveClockAsync(arranged.OpensAt.AddMinutes(1));
        var chloe = await SignedInTabAsync(chloeAccount, locale, width);
        await chloe.GotoAsync($"/Challenges/{arranged.ChallengeId}");
        await Assertions.Expect(chloe.Locator(".key-fact-prize .prize-funded-badge")).ToHaveTextAsync(text["PrizeFunded"]);
        await Assertions.Expect(chloe.Locator("#fairness-record")).ToContainTextAsync(text["NoHistory"]);
        await CheckPageAsync(chloe, width, "challenge page before entering", $"{shot}-01-challenge");
        var chloeEntry = await EnterAsync(chloe, arranged.ChallengeId, $"Birch Light {word}");
        await ArrangeEntryAsync(arranged, beaAccount, $"Fjord Blue {word}", seed: 12);
        await ArrangeEntryAsync(arranged, camAccount, $"Pine Needle {word}", seed: 13);
        await ApproveAllAsync(arranged.ChallengeId, moderatorAccount);

        // During the contest the brand rates Chloé's entry with a private comment; she reads it and revises her entry.
        await owner.GotoAsync($"/Brands/Challenges/{arranged.ChallengeId}/feedback");
        var card = owner.Locator("li.card").Filter(new() { HasText = $"Birch Light {word}" });
        await card.GetByLabel(text["FourStars"]).CheckAsync();
        await card.GetByLabel(text["Comment"]).FillAsync($"Lovely; make the birch bark lighter {word}.");
        await CheckPageAsync(owner, width, "brand feedback page", $"{shot}-02-feedback");
        await card.GetByRole(AriaRole.Button, new() { Name = text["SaveRating"] }).ClickAsync();
        await Assertions.Expect(owner.GetByText(text["RatingSaved"])).ToBeVisibleAsync();
        await chloe.GotoAsync(chloeEntry);
        await Assertions.Expect(chloe.GetByRole(AriaRole.Region, new() { Name = text["FeedbackFromBrand"] })).ToContainTextAsync($"make the birch bark lighter {word}");
        site.Clock.Advance(TimeSpan.FromHours(1)); // she revises an hour after the rating
        await chloe.GotoAsync($"{chloeEntry}/edit");
        await chloe.Locator("#Input_Title").FillAsync($"Birch Light, lighter {word}");
        await chloe.GetByRole(AriaRole.Button, new() { Name = text["SaveEntry"] }).ClickAsync();
        await Assertions.Expect(chloe.Locator("h1")).ToHaveTextAsync($"Birch Light, lighter {word}", new() { Timeout = 30_000 });
        await ApproveAllAsync(arranged.ChallengeId, moderatorAccount); // the revised entry is screened again
        await owner.ReloadAsync();
        await Assertions.Expect(owner.Locator("li.card").Filter(new() { HasText = $"Birch Light, lighter {word}" }).GetByText(text["Revised"])).ToBeVisibleAsync();

        // The deadline passes, then the judging deadline: the ranking decides (the earliest entry, Chloé's, wins) and the results are out.
        await MoveClockAsync(arranged.Deadline.AddMinutes(1));
        await MoveClockAsync(arranged.JudgingDeadline.AddMinutes(1));
        var visitor = await TabAsync(locale, width);
        await visitor.GotoAsync($"/Challenges/{arranged.ChallengeId}/results");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync($"Birch Light, lighter {word}");
        await Assertions.Expect(visitor.Locator("[data-runner-ups]")).ToContainTextAsync($"Fjord Blue {word}"); // the best-ranked entry that did not win
        await CheckPageAsync(visitor, width, "results page", $"{shot}-03-results");

        // The brand makes an offer on Cam's entry, which won nothing; Cam accepts under the licence it names.
        var camEntry = await EntryIdAsync($"Pine Needle {word}");
        await owner.GotoAsync($"/Challenges/{arranged.ChallengeId}");
        await owner.GetByRole(AriaRole.Link, new() { Name = text["OffersLink"] }).ClickAsync();
        var offerCard = owner.Locator($"#entry-{camEntry}");
        await offerCard.GetByLabel(new Regex("^" + Regex.Escape(text["Amount"]))).FillAsync("450");
        await offerCard.GetByLabel(text["Message"]).FillAsync($"We would like the pine needles on our winter lamp {word}.");
        await CheckPageAsync(owner, width, "offers page", $"{shot}-04-offer");
        await offerCard.Locator("summary", new() { HasText = text["MakeOffer"] }).ClickAsync();
        await offerCard.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(text["ConfirmOffer"])) }).ClickAsync();
        await Assertions.Expect(owner.GetByText(text["OfferSent"])).ToBeVisibleAsync();
        var cam = await SignedInTabAsync(camAccount, locale, width);
        await cam.GotoAsync($"/Entries/{camEntry}");
        var offers = cam.Locator("#offers");
        await Assertions.Expect(offers).ToContainTextAsync($"pine needles on our winter lamp {word}");
        await offers.GetByLabel(new Regex("^" + Regex.Escape(text["AcceptLicence"]))).CheckAsync();
        await offers.Locator("summary", new() { HasText = text["Accept"] }).ClickAsync();
        await offers.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(text["ConfirmAccept"])) }).ClickAsync();
        await Assertions.Expect(cam.GetByText(text["OfferAccepted"])).ToBeVisibleAsync();

        // Two days after the judging deadline, the admin pays the prize from the funded pool.
        await MoveClockAsync(arranged.JudgingDeadline.AddDays(2));
        await admin.GotoAsync("/Admin/Awards");
        var prizeRow = admin.Locator("tr", new() { HasText = $"Birch Light, lighter {word}" });
        await prizeRow.Locator("input[name='Input.PaymentReference']").FillAsync($"SEPA-PRIZE-{word}");
        var payment = prizeRow.Locator("form.award-payment");
        await payment.Locator("summary", new() { HasText = text["MarkPaid"] }).ClickAsync();
        await payment.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(text["ConfirmPaid"])) }).ClickAsync();
        await Assertions.Expect(admin.GetByText(text["PaymentRecorded"])).ToBeVisibleAsync();
        var runnerUpRow = admin.Locator("#runner-ups tr", new() { HasText = $"Fjord Blue {word}" });
        await runnerUpRow.Locator("input[name='RunnerUp.PaymentReference']").FillAsync($"SEPA-RUNNER-{word}");
        await runnerUpRow.Locator("summary", new() { HasText = text["MarkPaid"] }).ClickAsync();
        await runnerUpRow.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(text["ConfirmPaid"])) }).ClickAsync();
        await Assertions.Expect(admin.GetByText(text["RunnerUpRecorded"])).ToBeVisibleAsync();
        var offerRow = admin.Locator("#offers-to-pay tr", new() { HasText = $"Pine Needle {word}" });
        await offerRow.Locator("input[name='OfferPayment.PaymentReference']").FillAsync($"SEPA-OFFER-{word}");
        await CheckPageAsync(admin, width, "admin payments", $"{shot}-05-payments");
        await offerRow.Locator("summary", new() { HasText = text["MarkPaid"] }).ClickAsync();
        await offerRow.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(text["ConfirmPaid"])) }).ClickAsync();
        await Assertions.Expect(admin.GetByText(text["OfferRecorded"])).ToBeVisibleAsync();

        // Cam's grant, under the offer's licence, is there to download.
        await cam.GotoAsync("/Account/Manage/Earnings");
        var offerEarning = cam.Locator("[data-earning]", new() { HasText = text["EarningOffer"] });
        await Assertions.Expect(offerEarning).ToContainTextAsync(text["PaidOn"]);
        var download = await cam.RunAndWaitForDownloadAsync(() =>
            offerEarning.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(text["Grant"])) }).ClickAsync());
        Assert.Equal($"licence-grant-{camEntry:N}.pdf", download.SuggestedFilename);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(await download.PathAsync())), StringComparison.Ordinal);
        await chloe.GotoAsync("/Account/Manage/Earnings");
        var prize = chloe.Locator("[data-earning]");
        await Assertions.Expect(prize).ToContainTextAsync(text["PaidOn"]);
        await Assertions.Expect(prize.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(text["Grant"])) })).ToBeVisibleAsync();
        await CheckPageAsync(chloe, width, "earnings", $"{shot}-06-earnings");

        // The brand's public record now shows all of it, computed: one challenge, funded and paid (prize and runner-up
        // reward), results on time, two days to payment, one entry in three rated during the contest, one offer paid.
        await visitor.GotoAsync($"/b/{arranged.BrandSlug}");
        var record = visitor.Locator("#fairness-record");
        await Assertions.Expect(record).ToContainTextAsync(text["RecordTitle"]);
        await Assertions.Expect(record).ToContainTextAsync(text["OnTime"]);
        await Assertions.Expect(record).ToContainTextAsync(text["PaidOnce"]);
        await Assertions.Expect(record).ToContainTextAsync(text["TwoDays"]);
        await Assertions.Expect(record).ToContainTextAsync(text["RatedShare"]);
        await Assertions.Expect(record).ToContainTextAsync(text["OffersFigures"]);
        await Assertions.Expect(record).Not.ToContainTextAsync(text["NoHistory"]);
        await CheckPageAsync(visitor, width, "brand page with its fairness record", $"{shot}-07-brand-record");
    }

    /// <summary>Moves the site's clock and runs the challenge clock's work at once (the background job would, within a minute).</summary>
    private async Task MoveClockAsync(DateTimeOffset to)
    {
        if (to > site.Clock.GetUtcNow())
        {
            site.Clock.SetUtcNow(to);
        }

        await using var scope = site.Factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        await sender.Send(new AdvanceChallengesWithTime.Command());
        await sender.Send(new AwardOverdueChallenges.Command());
    }

    private sealed record Arranged(Guid ChallengeId, string Title, string BrandSlug, DateTimeOffset OpensAt, DateTimeOffset Deadline, DateTimeOffset JudgingDeadline);

    /// <summary>A new brand and its complete challenge, sent for review and not funded: one prize of 1,000 EUR, 300 EUR for the best runner-up.</summary>
    private async Task<Arranged> ArrangeChallengeInReviewAsync(TestAccount owner, string title)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var ownerId = await UserIdAsync(db, owner);
        var licence = await db.LicenceVersions.OrderBy(version => version.TemplateKey).Select(version => version.Id).FirstAsync();
        var now = site.Clock.GetUtcNow();
        var brand = Brand.Create("Atelier Nord", $"nord-{Guid.NewGuid():N}"[..18], "Lamps from Nordic birch.", null, ownerId, now);
        var challenge = Challenge.CreateDraft(brand.Id, title, ownerId, now);
        challenge.Describe(title, "A lamp label that says birch and light.", "Design the **label** of our birch lamp.", ChallengeCategory.Packaging, [], now);
        challenge.SetPrizeTiers([PrizeTier.Create(1, FirstPrize, "EUR")], now);
        challenge.SetRunnerUpPool(RunnerUpPool, RunnerUpRule.TopOfRanking, 1, now);
        challenge.SetCriteria([JudgingCriterion.Create("Originality", null, 100)], hasEntries: false, now);
        challenge.ChooseLicence(licence, now);
        challenge.SetAudience(ChallengeVisibility.Public, [], 2, now);
        challenge.PromiseFeedback(true, now);
        challenge.SetSchedule(now.AddHours(1), now.AddDays(3), now.AddDays(10), now);
        challenge.SubmitForReview(now);
        db.AddRange(brand, challenge);
        await db.SaveChangesAsync();
        return new Arranged(challenge.Id.Value, title, brand.Slug, challenge.SubmissionOpensAt!.Value, challenge.SubmissionDeadline!.Value,
            challenge.JudgingDeadline!.Value);
    }

    /// <summary>Another creative's entry, submitted now (after Chloé's), with one picture.</summary>
    private async Task ArrangeEntryAsync(Arranged arranged, TestAccount creative, string title, int seed)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var creativeId = await UserIdAsync(db, creative);
        var challenge = await db.Challenges.SingleAsync(candidate => candidate.Id == new ChallengeId(arranged.ChallengeId));
        var licence = await db.LicenceVersions.SingleAsync(version => version.Id == challenge.LicenceVersionId);
        var limits = new FileLimits();
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var png = TestFiles.Png(320, 240, seed);
            var file = await files.SaveAsync(new UploadedFile($"{seed}.png", png.Length, () => new MemoryStream(png, writable: false)),
                limits.EntryFile, "Files", creativeId, CancellationToken.None);
            db.Entries.Add(Entry.Submit(challenge, creativeId, new EntryText(title, "A label."), [file], limits.FilesPerEntry,
                new LicenceConsent(licence, licence.Id, true, true, null, "test"), 0, Guid.NewGuid(), site.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
    }

    /// <summary>Screening is another journey's: a moderator approves every entry waiting, through the domain.</summary>
    private async Task ApproveAllAsync(Guid challengeId, TestAccount moderator)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var moderatorId = await UserIdAsync(db, moderator);
        var challenge = await db.Challenges.SingleAsync(candidate => candidate.Id == new ChallengeId(challengeId));
        foreach (var entry in await db.Entries.Where(entry => entry.ChallengeId == challenge.Id && entry.Status == EntryStatus.Submitted).ToListAsync())
        {
            entry.Approve(challenge, moderatorId, site.Clock.GetUtcNow());
        }

        await db.SaveChangesAsync();
    }

    private async Task<Guid> EntryIdAsync(string title)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        return (await db.Entries.Where(entry => entry.Title == title).Select(entry => entry.Id).SingleAsync()).Value;
    }

    private static Task<string> UserIdAsync(CrowdsourceDbContext db, TestAccount account) =>
        db.Users.Where(user => user.Email == account.Email).Select(user => user.Id).SingleAsync();

    private static async Task<string> EnterAsync(IPage tab, Guid challengeId, string title)
    {
        await tab.GotoAsync($"/Challenges/{challengeId}/enter");
        await tab.Locator("#Input_Title").FillAsync(title);
        await tab.Locator("#Input_Files").SetInputFilesAsync(new FilePayload { Name = "birch.png", MimeType = "image/png", Buffer = TestFiles.Png(320, 240, seed: 11) });
        await tab.Locator("#Input_AcceptLicence").CheckAsync();
        await tab.Locator("#Input_DeclareOriginal").CheckAsync();
        await tab.Locator("form[data-upload-progress] button[type=submit]").ClickAsync();
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync(title, new() { Timeout = 30_000 }); // an upload, on a shared machine
        return new Uri(tab.Url).AbsolutePath;
    }

    private async Task<IPage> TabAsync(string locale, int width)
    {
        var tab = await ZonedPages.NewPageAsync(browser.Browser, site.BaseAddress, TimeZone, locale, bypassContentSecurityPolicy: true);
        tab.SetDefaultTimeout(60_000); // signing in hashes a password: slow when the machine's cores are shared
        await tab.SetViewportSizeAsync(width, 900);
        await tab.Clock.SetFixedTimeAsync(site.Clock.GetUtcNow().UtcDateTime);
        return tab;
    }

    private async Task<IPage> SignedInTabAsync(TestAccount account, string locale, int width)
    {
        var text = locale == "fr-FR" ? French : English;
        var tab = await TabAsync(locale, width);
        await tab.GotoAsync("/Account/Login");
        await tab.GetByLabel(text["Email"]).FillAsync(account.Email);
        await tab.GetByLabel(text["Password"]).FillAsync(account.Password);
        await tab.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = text["LogIn"] }).ClickAsync();
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

    private static readonly Dictionary<string, string> English = new()
    {
        ["Title"] = "Label our birch lamp",
        ["Email"] = "E-mail address",
        ["Password"] = "Password",
        ["LogIn"] = "Log in",
        ["BankReference"] = "Bank reference of the transfer",
        ["RecordTransfer"] = "Record the transfer",
        ["TransferRecorded"] = "Transfer recorded: an admin will confirm it once the money arrives.",
        ["MoneyArrived"] = "The money arrived",
        ["ConfirmTransfer"] = "Confirm the transfer",
        ["TransferConfirmed"] = "Transfer confirmed: the money is in the prize pool.",
        ["Approve"] = "Approve and publish",
        ["Approved"] = "Approved: the challenge is published.",
        ["PrizeFunded"] = "Prize funded",
        ["NoHistory"] = "No history yet",
        ["FourStars"] = "4 stars out of 5",
        ["Comment"] = "Private comment to the creative",
        ["SaveRating"] = "Save rating",
        ["RatingSaved"] = "Rating saved. The creative has been told.",
        ["FeedbackFromBrand"] = "Feedback from the brand",
        ["SaveEntry"] = "Save my entry",
        ["Revised"] = "Revised after your rating",
        ["MarkPaid"] = "Record as paid",
        ["ConfirmPaid"] = "Yes, record the payment",
        ["PaymentRecorded"] = "The payment is recorded",
        ["PaidOn"] = "Paid on",
        ["Grant"] = "Licence grant (PDF)",
        ["RecordTitle"] = "Fairness record",
        ["OnTime"] = "1 of 1 (100%)",
        ["PaidOnce"] = "€1,300 · 2 payments",
        ["OffersFigures"] = "1 made, 1 paid · €450",
        ["OffersLink"] = "Offers for other entries",
        ["Amount"] = "Amount (EUR)",
        ["Message"] = "Message to the creative",
        ["MakeOffer"] = "Make the offer",
        ["ConfirmOffer"] = "Yes, make the offer",
        ["OfferSent"] = "Your offer was sent to the creative.",
        ["AcceptLicence"] = "I accept the licence",
        ["Accept"] = "Accept the offer",
        ["ConfirmAccept"] = "Yes, accept the offer",
        ["OfferAccepted"] = "You accepted the offer.",
        ["RunnerUpRecorded"] = "The runner-up reward is recorded as paid and its creative is told.",
        ["OfferRecorded"] = "The offer is recorded as paid",
        ["EarningOffer"] = "Offer accepted after the results",
        ["TwoDays"] = "2 days",
        ["RatedShare"] = "33% of approved entries",
    };

    private static readonly Dictionary<string, string> French = new()
    {
        ["Title"] = "Étiquette de notre lampe en bouleau",
        ["Email"] = "Adresse e-mail",
        ["Password"] = "Mot de passe",
        ["LogIn"] = "Se connecter",
        ["BankReference"] = "Référence bancaire du virement",
        ["RecordTransfer"] = "Enregistrer le virement",
        ["TransferRecorded"] = "Virement enregistré\u00A0: un administrateur le confirmera dès que l’argent sera arrivé.",
        ["MoneyArrived"] = "L’argent est arrivé",
        ["ConfirmTransfer"] = "Confirmer le virement",
        ["TransferConfirmed"] = "Virement confirmé\u00A0: l’argent est dans la dotation.",
        ["Approve"] = "Approuver et publier",
        ["Approved"] = "Approuvé\u00A0: le défi est publié.",
        ["PrizeFunded"] = "Prix financés",
        ["NoHistory"] = "Pas encore d’historique",
        ["FourStars"] = "4\u00a0étoiles sur 5",
        ["Comment"] = "Commentaire privé au créatif",
        ["SaveRating"] = "Enregistrer la note",
        ["RatingSaved"] = "Note enregistrée. Le créatif a été prévenu.",
        ["FeedbackFromBrand"] = "L’avis de la marque",
        ["SaveEntry"] = "Enregistrer ma participation",
        ["Revised"] = "Retouchée après votre note",
        ["MarkPaid"] = "Enregistrer le paiement",
        ["ConfirmPaid"] = "Oui, enregistrer le paiement",
        ["PaymentRecorded"] = "Le paiement est enregistré",
        ["PaidOn"] = "Payé le",
        ["Grant"] = "Octroi de licence (PDF)",
        ["RecordTitle"] = "Bilan d’équité",
        ["OnTime"] = "1 sur 1 (100\u00a0%)",
        ["PaidOnce"] = "1\u00a0300\u00a0€ · 2 paiements",
        ["OffersFigures"] = "1 faite(s), 1 payée(s) · 450\u00a0€",
        ["OffersLink"] = "Offres pour d’autres participations",
        ["Amount"] = "Montant (EUR)",
        ["Message"] = "Message au ou à la créative",
        ["MakeOffer"] = "Faire l’offre",
        ["ConfirmOffer"] = "Oui, faire l’offre",
        ["OfferSent"] = "Votre offre a été envoyée au ou à la créative.",
        ["AcceptLicence"] = "J’accepte la licence",
        ["Accept"] = "Accepter l’offre",
        ["ConfirmAccept"] = "Oui, accepter l’offre",
        ["OfferAccepted"] = "Vous avez accepté l’offre.",
        ["RunnerUpRecorded"] = "Le versement de l’accessit est enregistré et son auteur est prévenu.",
        ["OfferRecorded"] = "L’offre est enregistrée comme payée",
        ["EarningOffer"] = "Offre acceptée après les résultats",
        ["TwoDays"] = "2 jours",
        ["RatedShare"] = "33\u00a0% des participations approuvées",
    };
}
