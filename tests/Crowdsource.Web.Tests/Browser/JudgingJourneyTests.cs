using System.Text.RegularExpressions;
using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// From judging to results: a judge reads the board and scores an entry, the brand's owner chooses the winners from
/// the panel's ranking, a moderator confirms, and the public results show the winners.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class JudgingJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_judge_scores_the_brand_chooses_a_moderator_confirms_and_everyone_sees_the_results()
    {
        var owner = await browser.Site.AccountAsync();
        var judge = await browser.Site.AccountAsync(Roles.Moderator);
        var confirmer = await browser.Site.AccountAsync(Roles.Moderator);
        TestAccount[] creatives = [await browser.Site.AccountAsync(), await browser.Site.AccountAsync(), await browser.Site.AccountAsync()];
        var challenge = await JudgedChallenges.CreateAsync(browser.Site.Services, owner, judge, creatives, title: $"Wrap our chocolate {Guid.NewGuid():N}"[..26]);

        // A second moderator joins the panel: until they score, no entry is scored by every judge.
        var moderator = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(moderator, confirmer.Email, confirmer.Password);
        await moderator.GotoAsync(challenge.Board);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Join the panel" }).ClickAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("You are on the panel.");

        // The judge: the board ranks the entries; the scoring page takes a mark per criterion.
        var page = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(page, judge.Email, judge.Password);
        await page.GotoAsync(challenge.Board);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The panel’s ranking" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Not scored by every judge")).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Shortlist — Entry #1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Shortlist — Entry #1" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('img.entry-thumb')].every(image => image.complete && image.naturalWidth > 0)");
        await BrowserFixture.ScreenshotAsync(page, "judging-01-board");
        await page.GetByRole(AriaRole.Link, new() { Name = "Entry #3" }).ClickAsync();
        await page.GetByLabel("Originality (60 %)").FillAsync("12");
        await page.GetByLabel("Feasibility (40 %)").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my scores" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Marks[0].Value']")).ToHaveTextAsync("Give a mark from 0 to 10.");
        await page.GetByLabel("Originality (60 %)").FillAsync("8");
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
        await brand.GetByLabel("Prize 1 · 5,000 EUR").SelectOptionAsync(new SelectOptionValue { Label = "Entry #1 · Paper fold" });
        await brand.GetByLabel("Prize 2 · 1,500 EUR").SelectOptionAsync(new SelectOptionValue { Label = "Entry #3 · Forest print" });
        await brand.WaitForFunctionAsync("() => [...document.querySelectorAll('img.entry-thumb')].every(image => image.complete && image.naturalWidth > 0)");
        await BrowserFixture.ScreenshotAsync(brand, "judging-03-winner-choice");
        await brand.GetByRole(AriaRole.Button, new() { Name = "Save my choice" }).ClickAsync();
        await Assertions.Expect(brand.GetByRole(AriaRole.Status).First).ToContainTextAsync("a moderator will confirm it");

        // A moderator confirms: the results are announced, for everyone to see.
        await moderator.GotoAsync(challenge.Board);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Confirm and announce the winners" }).ClickAsync();
        await Assertions.Expect(moderator).ToHaveURLAsync(new Regex(Regex.Escape(challenge.Results) + "$"));

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(challenge.Results);
        await Assertions.Expect(visitor.Locator(".winner-card h2")).ToHaveTextAsync(["Paper fold", "Forest print"]);
        await Assertions.Expect(visitor.Locator(".winner-card img").First).ToHaveJSPropertyAsync("naturalWidth", 480);
        await BrowserFixture.ScreenshotAsync(visitor, "judging-04-results");

        var french = await browser.NewPageAsync("fr-FR");
        await french.GotoAsync(challenge.Results);
        await Assertions.Expect(french.Locator(".winner-prize").First).ToContainTextAsync("Prix 1");
        await BrowserFixture.ScreenshotAsync(french, "judging-05-results-fr");
    }
}
