using System.Text.RegularExpressions;
using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// From screening to rights (issue 5's journey): a moderator screens the last entry, a judge reads the board and scores,
/// the brand's owner chooses the winners from the panel's ranking, a moderator confirms, the public results show the
/// winners, a winner hears of it and reads the judges' feedback, an admin records the payment, and the winner
/// downloads the licence grant.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class JudgingJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_moderator_screens_a_judge_scores_the_brand_chooses_a_moderator_confirms_and_the_paid_winner_gets_the_grant()
    {
        var site = browser.Site;
        var owner = await browser.Site.AccountAsync();
        var judge = await browser.Site.AccountAsync(Roles.Moderator);
        var confirmer = await browser.Site.AccountAsync(Roles.Moderator);
        TestAccount[] creatives = [await browser.Site.AccountAsync(), await browser.Site.AccountAsync(), await browser.Site.AccountAsync()];
        var challenge = await JudgedChallenges.CreateAsync(browser.Site.Services, owner, judge, creatives, title: $"Wrap our chocolate {Guid.NewGuid():N}"[..26]);

        // A moderator screens the entry still waiting in the queue.
        var moderator = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(moderator, confirmer.Email, confirmer.Password);
        await moderator.GotoAsync("/Moderation/Queue");
        var waiting = moderator.Locator("li.screening-item", new() { HasText = challenge.Title });
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("li.screening-item", new() { HasText = challenge.Title })).ToHaveCountAsync(0);

        // The moderator joins the panel: until they score, no entry is scored by every judge.
        await moderator.GotoAsync(challenge.Board);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Join the panel" }).ClickAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("You are on the panel.");

        // The judge: the board ranks the entries; the scoring page takes a mark per criterion.
        var page = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(page, judge.Email, judge.Password);
        await page.GotoAsync(challenge.Board);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The panel’s ranking" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Not scored by every judge")).ToHaveCountAsync(4);
        await page.GetByRole(AriaRole.Button, new() { Name = "Shortlist — Entry #1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Shortlist — Entry #1" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('img.entry-thumb')].every(image => image.complete && image.naturalWidth > 0)");
        await BrowserFixture.ScreenshotAsync(page, "judging-01-board");
        await page.GetByRole(AriaRole.Link, new() { Name = "Entry #3" }).ClickAsync();
        await page.GetByLabel("Originality (60%)").FillAsync("12");
        await page.GetByLabel("Feasibility (40%)").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my scores" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Marks[0].Value']")).ToHaveTextAsync("Give a mark from 0 to 10.");
        await page.GetByLabel("Originality (60%)").FillAsync("8");
        await page.GetByLabel("Comment on Originality (optional)").FillAsync("Fresh colours.");
        await BrowserFixture.ScreenshotAsync(page, "judging-02-scoring");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my scores" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(challenge.Board) + "$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your scores are saved.");

        // The brand's owner chooses from the ranking, with the judges' comments.
        var brand = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(brand, owner.Email, owner.Password);
        await brand.GotoAsync(challenge.Winners);
        await brand.GetByText("The judges’ comments (1)").First.ClickAsync();
        await PickAsync(brand, "Prize 1 · €5,000", "Entry #1 · Paper fold · Creative ");
        await PickAsync(brand, "Prize 2 · €1,500", "Entry #3 · Forest print · Creative ");
        await brand.WaitForFunctionAsync("() => [...document.querySelectorAll('img.entry-thumb')].every(image => image.complete && image.naturalWidth > 0)");
        await BrowserFixture.ScreenshotAsync(brand, "judging-03-winner-choice");
        await brand.GetByRole(AriaRole.Button, new() { Name = "Save my choice" }).ClickAsync();
        await Assertions.Expect(brand.GetByRole(AriaRole.Status).First).ToContainTextAsync("a moderator will confirm it");

        // A moderator confirms: the results are announced, for everyone to see.
        await moderator.GotoAsync(challenge.Board);
        await moderator.Locator("summary", new() { HasText = "Confirm and announce the winners" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Yes, announce these winners" }).ClickAsync();
        await Assertions.Expect(moderator).ToHaveURLAsync(new Regex(Regex.Escape(challenge.Results) + "$"));

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(challenge.Results);
        await Assertions.Expect(visitor.Locator(".winner-card h2")).ToHaveTextAsync(["Paper fold", "Forest print"]);
        await Assertions.Expect(visitor.Locator(".winner-card img").First).ToHaveJSPropertyAsync("naturalWidth", 480);
        await BrowserFixture.ScreenshotAsync(visitor, "judging-04-results");

        var french = await browser.NewPageAsync("fr-FR");
        await french.GotoAsync(challenge.Results);
        await Assertions.Expect(french.Locator(".winner-prize").First).ToContainTextAsync("1er prix");
        await BrowserFixture.ScreenshotAsync(french, "judging-05-results-fr");

        // The first prize's author hears that they won, which prize, and reads the judges' marks and comments on their entry.
        var winner = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(winner, creatives[0].Email, creatives[0].Password);
        await winner.Locator("header a.notifications-link").ClickAsync();
        await winner.GetByRole(AriaRole.Link, new() { Name = $"You won in “{challenge.Title}”: Prize 1, €5,000." }).ClickAsync();
        await Assertions.Expect(winner).ToHaveURLAsync(new Regex($"/Entries/{challenge.Entries[0]}$"));
        await Assertions.Expect(winner.Locator("h1 + p .badge")).ToHaveTextAsync("Winner · Prize 1");
        await Assertions.Expect(winner.GetByRole(AriaRole.Heading, new() { Name = "The judges’ marks and comments" })).ToBeVisibleAsync();
        await Assertions.Expect(winner.GetByText("A wrapper people will keep.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(winner, "judging-06-winner-feedback");

        // An admin records the payment of the first prize; from then on the grant is the winner's to download.
        var admin = await site.AccountAsync(Roles.Admin);
        var adminTab = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(adminTab, admin.Email, admin.Password);
        await adminTab.GotoAsync("/Admin/Awards");
        await adminTab.Locator("tr", new() { HasText = challenge.Title }).First.WaitForAsync();
        var row = adminTab.Locator("tr", new() { HasText = challenge.Title }).Filter(new() { HasText = "Paper fold" });
        await row.GetByLabel("Payment reference (Paper fold, Prize 1)").FillAsync("SEPA-JOURNEY-1");
        await row.Locator("summary", new() { HasText = "Record as paid" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Yes, record the payment" }).ClickAsync();
        await Assertions.Expect(adminTab.GetByText("The payment is recorded")).ToBeVisibleAsync();

        await winner.ReloadAsync();
        var download = await winner.RunAndWaitForDownloadAsync(() => winner.GetByRole(AriaRole.Link, new() { Name = "Download the licence grant (PDF)" }).ClickAsync());
        await using var pdf = await download.CreateReadStreamAsync();
        var head = new byte[5];
        await pdf.ReadExactlyAsync(head);
        Assert.Equal("%PDF-"u8.ToArray(), head);
        await BrowserFixture.ScreenshotAsync(winner, "judging-07-winner-paid");
    }

    /// <summary>Chooses the entry whose option starts with <paramref name="entry"/>: the blind challenge names its author by pseudonym only.</summary>
    private static async Task PickAsync(IPage page, string prize, string entry)
    {
        var select = page.GetByLabel(prize);
        var option = select.Locator("option").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(entry) + @"\d+$") });
        await select.SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
    }
}
