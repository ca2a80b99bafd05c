using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// The visual list, home page and winners' galleries as a visitor sees them, on a phone (375 px) and a desktop (1280 px),
/// in English and in French: covers, logos, days left, entries and licence on cards; pictures of the winning entries.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class VisualCardsJourneyTests(BrowserFixture browser)
{
    public static TheoryData<string, int> Visits => new()
    {
        { "en-GB", 375 },
        { "en-GB", 1280 },
        { "fr-FR", 375 },
        { "fr-FR", 1280 },
    };

    [Theory]
    [MemberData(nameof(Visits))]
    public async Task Cards_show_cover_logo_days_left_entries_and_licence_and_the_results_show_the_winners_pictures(string locale, int width)
    {
        var word = $"Zeppelin{Guid.NewGuid():N}"[..16];
        var site = browser.Site;
        // Open, with a logo and a cover, closing in six and a half days.
        await ListedChallenges.CreateAsync(site.Services, await site.AccountAsync(), $"Paint the {word}", DateTimeOffset.UtcNow, TimeSpan.FromDays(6.5), pictures: true);
        var judged = await JudgedChallenges.CreateAsync(site.Services, await site.AccountAsync(), await site.AccountAsync("Moderator"),
            [await site.AccountAsync(), await site.AccountAsync()], announced: true, title: $"Gallery {word}");
        var french = locale.StartsWith("fr", StringComparison.Ordinal);
        var page = await NewPageAsync(locale, width);
        var name = $"visual-{(french ? "fr" : "en")}-{width}";

        // The list: the card of the challenge, with its pictures and facts.
        await page.GotoAsync($"/Challenges?q={word}");
        var card = page.Locator("article.challenge-card", new() { HasText = $"Paint the {word}" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await ExpectLoadedAsync(card.Locator(".challenge-card-cover img"));
        await ExpectLoadedAsync(card.Locator("img.brand-logo"));
        await Assertions.Expect(card).ToContainTextAsync(french ? "6 jours restants" : "6 days left");
        await Assertions.Expect(card).ToContainTextAsync(french ? "0 projets" : "0 entries");
        await Assertions.Expect(card).ToContainTextAsync(french ? "Licence\u00a0: " : "Licence: ");
        await AssertFitsAsync(page, "list");
        await Axe.AssertNoViolationsAsync(page, $"list {locale} {width}");
        await BrowserFixture.ScreenshotAsync(page, $"{name}-list");

        // The challenge's page: its cover, described.
        await card.GetByRole(AriaRole.Link).ClickAsync();
        await ExpectLoadedAsync(page.Locator("img.challenge-cover"));
        await Assertions.Expect(page.Locator("img.challenge-cover")).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex(word));
        await AssertFitsAsync(page, "challenge");
        await Axe.AssertNoViolationsAsync(page, $"challenge {locale} {width}");

        // The results: a gallery of the winning entries, with their prize and creative.
        await page.GotoAsync(judged.Results);
        var winners = page.Locator(".winner-card");
        await Assertions.Expect(winners).ToHaveCountAsync(2);
        await ExpectLoadedAsync(winners.First.Locator("img"));
        await Assertions.Expect(winners.First).ToContainTextAsync("€");
        await AssertFitsAsync(page, "results");
        await Axe.AssertNoViolationsAsync(page, $"results {locale} {width}");
        await BrowserFixture.ScreenshotAsync(page, $"{name}-results");

        // The winners gallery across challenges.
        await page.GotoAsync("/Winners");
        var showcase = page.Locator("article.showcase-card", new() { HasText = $"Gallery {word}" });
        await Assertions.Expect(showcase).ToHaveCountAsync(2);
        await ExpectLoadedAsync(showcase.First.Locator("img"));
        await AssertFitsAsync(page, "winners");
        await Axe.AssertNoViolationsAsync(page, $"winners {locale} {width}");

        // The home page: ways in for creatives and brands, the challenges open now, the prizes awarded.
        await page.GotoAsync("/");
        var main = page.GetByRole(AriaRole.Main);
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = french ? "Parcourir les défis" : "Browse challenges" })).ToBeVisibleAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = french ? "Lancer un défi" : "Launch a challenge" })).ToBeVisibleAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = french ? "Ouverts en ce moment" : "Open now" })).ToBeVisibleAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Heading, new() { Name = french ? "Prix attribués jusqu’ici" : "Prizes awarded so far" })).ToBeVisibleAsync();
        await Assertions.Expect(main.Locator("article.challenge-card").First).ToBeVisibleAsync();
        await AssertFitsAsync(page, "home");
        await Axe.AssertNoViolationsAsync(page, $"home {locale} {width}");
        await BrowserFixture.ScreenshotAsync(page, $"{name}-home");

        await main.GetByRole(AriaRole.Link, new() { Name = french ? "Lancer un défi" : "Launch a challenge" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?ReturnUrl=%2FBrands%2FNew"));
    }

    private async Task<IPage> NewPageAsync(string locale, int width)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            Locale = locale,
            BypassCSP = true, // only to inject axe
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 800 : 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>The image was found and decoded (not a broken link).</summary>
    private static async Task ExpectLoadedAsync(ILocator image)
    {
        await image.ScrollIntoViewIfNeededAsync(); // lazy images load when near the viewport
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("image => image.naturalWidth") > 0, "the image is broken");
    }

    /// <summary>Nothing scrolls sideways.</summary>
    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{what} scrolls sideways by {overflow} px");
    }
}
