using System.Globalization;
using System.Text.RegularExpressions;
using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// A challenge from a new brand's first draft to judging, on a site whose clock the test moves
/// (<see cref="ClockedSite"/>): new brand, draft, checklist, submit, moderator approves, visitors find it,
/// the deadline passes and the challenge clock moves it to judging.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ChallengeLaunchJourneyTests(BrowserFixture browser, ClockedSite site) : IClassFixture<ClockedSite>
{
    private const string TimeZone = "Europe/Paris";
    private const string Title = "The bottle of tomorrow";
    private const string BriefOnlyWord = "refillable";

    private static readonly string[] MissingFromANewDraft =
    [
        "Write a one-line summary",
        "Write the brief",
        "Choose a category",
        "Set at least one prize",
        "Add judging criteria whose weights add up to 100",
        "Choose the licence terms",
        "Set the dates in order, with the deadline at least a day away",
    ];

    [Fact]
    public async Task A_new_brand_launches_a_challenge_that_visitors_find_and_that_moves_to_judging_when_its_deadline_passes()
    {
        var owner = await site.AccountAsync();
        var moderator = await site.AccountAsync(Roles.Moderator);
        var admin = await site.AccountAsync(Roles.Admin);
        var start = site.Clock.GetUtcNow();

        // A newcomer creates a brand, then starts a draft from the brand's workspace.
        var brand = await site.NewPageAsync(browser.Browser, TimeZone);
        await LogInAsync(brand, owner);
        await brand.GetByRole(AriaRole.Link, new() { Name = "My brands" }).ClickAsync();
        await brand.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Create a brand" }).ClickAsync();
        await brand.GetByLabel("Brand name").FillAsync("Verre Vivant");
        await brand.GetByLabel("Web address").FillAsync("verre-vivant");
        await brand.GetByLabel("Description").FillAsync("Glassware made to last.");
        await brand.GetByLabel("Website").FillAsync("https://verre-vivant.example");
        await brand.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Create a brand" }).ClickAsync();
        await Assertions.Expect(brand.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your brand is created. Start your first challenge below.");
        await Assertions.Expect(brand.GetByRole(AriaRole.Heading, new() { Name = "Verre Vivant", Level = 1 })).ToBeVisibleAsync();
        await brand.GetByLabel("Title of a new challenge").FillAsync(Title);
        await brand.GetByRole(AriaRole.Button, new() { Name = "Start a draft" }).ClickAsync();

        // The checklist says what is missing, each item a link to its part of the form.
        var checklist = brand.GetByRole(AriaRole.Region, new() { Name = "Before sending it for review" });
        await Assertions.Expect(checklist.GetByRole(AriaRole.Link)).ToHaveTextAsync(MissingFromANewDraft);
        await Assertions.Expect(checklist.GetByRole(AriaRole.Link, new() { Name = "Set at least one prize" })).ToHaveAttributeAsync("href", "#prizes");
        await Assertions.Expect(checklist.GetByRole(AriaRole.Link, new() { Name = "Choose the licence terms" })).ToHaveAttributeAsync("href", "#licence");
        await BrowserFixture.ScreenshotAsync(brand, "journey-01-checklist");
        await checklist.GetByRole(AriaRole.Link, new() { Name = "Set the dates in order, with the deadline at least a day away" }).ClickAsync();
        await Assertions.Expect(brand).ToHaveURLAsync(new Regex("#schedule$"));
        var challengeId = Guid.Parse(EditPath().Match(brand.Url).Groups["id"].Value);

        // The brand fills the form: dates in its own time zone, opening in two hours, closing in three days.
        await brand.GetByLabel("Summary", new() { Exact = true }).FillAsync("Design a bottle that people keep on the table.");
        await brand.GetByLabel("Brief", new() { Exact = true }).FillAsync(
            $"## What we want\n\nA **{BriefOnlyWord}** glass bottle for our lemonade.\n\n- easy to wash\n- easy to stack");
        await brand.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Packaging" });
        await brand.GetByLabel("Tags", new() { Exact = true }).FillAsync("glass, reuse");
        await brand.GetByLabel("Prize 1", new() { Exact = true }).FillAsync("3000");
        await brand.GetByLabel("Prize 2", new() { Exact = true }).FillAsync("1000");
        await brand.GetByLabel("Name of criterion 1", new() { Exact = true }).FillAsync("Originality");
        await brand.GetByLabel("Weight of criterion 1", new() { Exact = true }).FillAsync("60");
        await brand.GetByLabel("Name of criterion 2", new() { Exact = true }).FillAsync("Ease of use");
        await brand.GetByLabel("Weight of criterion 2", new() { Exact = true }).FillAsync("40");
        await brand.GetByLabel("Non-exclusive licence on award (v1)").CheckAsync();
        await Assertions.Expect(brand.GetByText($"Times are in your time zone: {TimeZone}.")).ToBeVisibleAsync();
        await brand.GetByLabel("Submissions open").FillAsync(DateTimeLocal(start.AddHours(2)));
        await brand.GetByLabel("Submission deadline").FillAsync(DateTimeLocal(start.AddDays(3)));
        await brand.GetByLabel("Judging deadline").FillAsync(DateTimeLocal(start.AddDays(17)));
        await brand.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Assertions.Expect(brand.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(checklist).ToContainTextAsync("Everything is there: you can send it for review.");
        await Assertions.Expect(brand.GetByLabel("Submission deadline")).ToHaveValueAsync(DateTimeLocal(start.AddDays(3)));
        await brand.GetByRole(AriaRole.Button, new() { Name = "Save and send for review" }).ClickAsync();
        await Assertions.Expect(brand.GetByText("Sent for review: a moderator will look at it.")).ToBeVisibleAsync();
        await Assertions.Expect(StatusBadge(brand)).ToHaveTextAsync("In review");

        // Until a moderator approves it, a visitor's search does not find it.
        var visitor = await site.NewPageAsync(browser.Browser, TimeZone);
        await visitor.Clock.SetFixedTimeAsync(site.Clock.GetUtcNow().UtcDateTime);
        await SearchAsync(visitor, BriefOnlyWord);
        await Assertions.Expect(visitor.GetByText("0 challenges", new() { Exact = true })).ToBeVisibleAsync();

        // The brand funds the prizes: it records its bank transfer, and an admin confirms the money arrived.
        await brand.GetByRole(AriaRole.Link, new() { Name = "Fund the prizes and see the ledger" }).ClickAsync();
        await Assertions.Expect(brand.GetByRole(AriaRole.Main)).ToContainTextAsync("Still to fund: €4,000.");
        await brand.GetByLabel("Bank reference of the transfer").FillAsync("SEPA-VERRE-0001");
        await brand.GetByRole(AriaRole.Button, new() { Name = "Record the transfer" }).ClickAsync();
        await Assertions.Expect(brand.GetByText("Transfer recorded: an admin will confirm it once the money arrives.")).ToBeVisibleAsync();
        var bank = await site.NewPageAsync(browser.Browser, TimeZone);
        await LogInAsync(bank, admin);
        await bank.GotoAsync("/Admin/Funding");
        var transferRow = bank.GetByRole(AriaRole.Row).Filter(new() { HasText = "SEPA-VERRE-0001" });
        await transferRow.Locator("summary", new() { HasText = "The money arrived" }).ClickAsync();
        await transferRow.GetByRole(AriaRole.Button, new() { Name = "Confirm the transfer" }).ClickAsync();
        await Assertions.Expect(bank.GetByText("Transfer confirmed: the money is in the prize pool.")).ToBeVisibleAsync();

        // A moderator reads it on the desk and approves it.
        var desk = await site.NewPageAsync(browser.Browser, TimeZone);
        await LogInAsync(desk, moderator);
        await desk.GetByRole(AriaRole.Link, new() { Name = "Moderation", Exact = true }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(desk).ToHaveURLAsync(new Regex($"/Moderation/Challenge/{challengeId}$"));
        await Assertions.Expect(desk.Locator(".brief strong")).ToHaveTextAsync(BriefOnlyWord);
        await Assertions.Expect(desk.GetByRole(AriaRole.Main)).ToContainTextAsync("Originality (60%)");
        await BrowserFixture.ScreenshotAsync(desk, "journey-02-moderation");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Assertions.Expect(desk.GetByText("Approved: the challenge is published.")).ToBeVisibleAsync();

        // Now a visitor finds it by a word of its brief, upcoming.
        await SearchAsync(visitor, BriefOnlyWord);
        await Assertions.Expect(visitor.GetByText("1 challenge", new() { Exact = true })).ToBeVisibleAsync();
        var card = visitor.GetByRole(AriaRole.Article).Filter(new() { HasText = Title });
        await Assertions.Expect(card).ToContainTextAsync("Verre Vivant");
        await Assertions.Expect(card).ToContainTextAsync("Upcoming");
        await BrowserFixture.ScreenshotAsync(visitor, "journey-03-search");
        await card.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(StatusBadge(visitor)).ToHaveTextAsync("Upcoming");

        // Time passes: the challenge opens, then its deadline passes and judging starts, with nobody doing anything.
        site.Clock.Advance(TimeSpan.FromHours(2));
        await ReloadUntilStatusAsync(visitor, "Open");
        await Assertions.Expect(visitor.GetByText("Closes in", new() { Exact = true })).ToBeVisibleAsync();

        site.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await ReloadUntilStatusAsync(visitor, "Judging");
        await Assertions.Expect(visitor.GetByText("Judging ends in", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("Closes in", new() { Exact = true })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(visitor, "journey-04-judging");

        // The brand's dashboard says so too.
        await brand.GetByRole(AriaRole.Link, new() { Name = "My brands" }).ClickAsync();
        await brand.GetByRole(AriaRole.Link, new() { Name = "Verre Vivant" }).ClickAsync();
        await Assertions.Expect(brand.GetByRole(AriaRole.Row).Filter(new() { HasText = Title })).ToContainTextAsync("Judging");
    }

    private static ILocator StatusBadge(IPage page) => page.Locator("h1 ~ .badge, .challenge-header .badge:not(.prize-funded-badge)").First;

    private static async Task SearchAsync(IPage page, string words)
    {
        await page.GotoAsync("/Challenges");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search challenges" }).FillAsync(words);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
    }

    /// <summary>
    /// The challenge clock works in the background after the test moves time: reload the page until it shows the
    /// status, each look bounded by a short Expect timeout, the whole bounded too.
    /// </summary>
    private async Task ReloadUntilStatusAsync(IPage page, string status)
    {
        await page.Clock.SetFixedTimeAsync(site.Clock.GetUtcNow().UtcDateTime);
        for (var look = 0; look < 40; look++)
        {
            try
            {
                await Assertions.Expect(StatusBadge(page)).ToHaveTextAsync(status, new() { Timeout = 500 });
                return;
            }
            catch (PlaywrightException)
            {
                await page.ReloadAsync();
            }
        }

        await Assertions.Expect(StatusBadge(page)).ToHaveTextAsync(status);
    }

    private static string DateTimeLocal(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static async Task LogInAsync(IPage page, TestAccount account)
    {
        await BrowserFixture.LogInAsync(page, account.Email, account.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
    }

    [GeneratedRegex("/Challenges/Edit/(?<id>[0-9a-f-]{36})")]
    private static partial Regex EditPath();
}
