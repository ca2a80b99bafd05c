using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;
using SkiaSharp;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// A creative votes in a challenge's public vote and the brand reads its dashboard insight, in a real browser with
/// the site's CSP (screenshots), then axe-core's WCAG 2.1 A and AA rules on both pages.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PublicVoteJourneyTests(BrowserFixture browser)
{

    [Fact]
    public async Task A_creative_votes_and_the_brand_sees_its_entries_over_time()
    {
        var site = browser.Site;
        var owner = await site.AccountAsync();
        var voting = await VotingChallenges.CreateAsync(site.Services, DateTimeOffset.UtcNow, owner,
        [
            (await site.AccountAsync(), "Jasmine Dusk", "A calm evening blend with a label of folded paper.", Poster(new SKColor(0x5b, 0x21, 0xb6), new SKColor(0xf4, 0x72, 0xb6))),
            (await site.AccountAsync(), "Morning Ember", "Smoky and bright, for early risers.", Poster(new SKColor(0xea, 0x58, 0x0c), new SKColor(0xfa, 0xcc, 0x15))),
            (await site.AccountAsync(), "Silver Needle Nights", "A white tea named after the moon.", Poster(new SKColor(0x0f, 0x76, 0x6e), new SKColor(0xa7, 0xf3, 0xd0))),
        ]);
        var voter = await site.AccountAsync();

        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris");
        await BrowserFixture.LogInAsync(tab, voter.Email, voter.Password);
        await Assertions.Expect(tab.Locator("form[action='/Account/Logout'] button")).ToBeVisibleAsync();
        await tab.GotoAsync(voting.ChallengePage);
        await tab.Locator(".public-vote-facts").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "challenge-page-public-vote.png") });
        await tab.GetByRole(AriaRole.Link, new() { Name = "Vote for your favourite entry" }).ClickAsync();
        await Assertions.Expect(tab.Locator(".vote-card img")).ToHaveCountAsync(3);
        await AllPicturesShownAsync(tab);
        await BrowserFixture.ScreenshotAsync(tab, "public-vote-before");

        await tab.GetByRole(AriaRole.Button, new() { Name = "Vote for this entry (Morning Ember)" }).ClickAsync();
        await Assertions.Expect(tab.GetByRole(AriaRole.Status)).ToContainTextAsync("Your vote is recorded");
        await Assertions.Expect(tab.Locator(".vote-card.is-chosen h3")).ToHaveTextAsync("Morning Ember");
        await Assertions.Expect(tab.GetByRole(AriaRole.Button, new() { Name = "Move my vote here (Jasmine Dusk)" })).ToBeVisibleAsync();
        await AllPicturesShownAsync(tab);
        await BrowserFixture.ScreenshotAsync(tab, "public-vote-after");

        var brand = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris");
        await BrowserFixture.LogInAsync(brand, owner.Email, owner.Password);
        await Assertions.Expect(brand.Locator("form[action='/Account/Logout'] button")).ToBeVisibleAsync();
        await brand.GotoAsync($"/Brands/Workspace/{voting.BrandId}");
        await Assertions.Expect(brand.Locator(".insight-chart polyline")).ToHaveCountAsync(1);
        await Assertions.Expect(brand.Locator(".insight-panel")).ToContainTextAsync("Approved: 3");
        await brand.Locator(".insight-panel").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "brand-insight-chart.png") });
        await BrowserFixture.ScreenshotAsync(brand, "brand-workspace-insight");

        var checkedVote = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", bypassContentSecurityPolicy: true);
        await BrowserFixture.LogInAsync(checkedVote, voter.Email, voter.Password);
        await Assertions.Expect(checkedVote.Locator("form[action='/Account/Logout'] button")).ToBeVisibleAsync();
        await checkedVote.GotoAsync(voting.VotePage);
        await Axe.AssertNoViolationsAsync(checkedVote, "vote page");
        var checkedBrand = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", bypassContentSecurityPolicy: true);
        await BrowserFixture.LogInAsync(checkedBrand, owner.Email, owner.Password);
        await Assertions.Expect(checkedBrand.Locator("form[action='/Account/Logout'] button")).ToBeVisibleAsync();
        await checkedBrand.GotoAsync($"/Brands/Workspace/{voting.BrandId}");
        await Axe.AssertNoViolationsAsync(checkedBrand, "brand workspace with the chart");

        await VotingChallenges.CloseVoteAsync(site.Services, voting.ChallengeId, DateTimeOffset.UtcNow.AddMinutes(-1));
        var results = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", "fr-FR");
        await results.GotoAsync(voting.VotePage);
        await Assertions.Expect(results.Locator(".vote-results tbody tr").First).ToContainTextAsync("Morning Ember");
        await Assertions.Expect(results.Locator(".vote-results tbody tr").First).ToContainTextAsync("Prix du public");
        await BrowserFixture.ScreenshotAsync(results, "public-vote-results-fr");
        await checkedVote.GotoAsync(voting.VotePage);
        await Axe.AssertNoViolationsAsync(checkedVote, "vote results");
    }

    /// <summary>Every picture loaded and decoded (the voters' access to approved entries' files works in the browser).</summary>
    private static async Task AllPicturesShownAsync(IPage tab)
    {
        var widths = await tab.EvaluateAsync<int[]>(
            "async () => { const images = [...document.querySelectorAll('.vote-card img')];" +
            " await Promise.all(images.map(image => image.decode().catch(() => null))); return images.map(image => image.naturalWidth); }");
        Assert.All(widths, width => Assert.True(width > 0));
    }

    /// <summary>A small poster: a diagonal gradient and a circle, so the screenshots show pictures rather than noise.</summary>
    private static byte[] Poster(SKColor from, SKColor to)
    {
        using var surface = SKSurface.Create(new SKImageInfo(480, 360));
        using var gradient = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(480, 360), [from, to], SKShaderTileMode.Clamp) };
        surface.Canvas.DrawRect(0, 0, 480, 360, gradient);
        using var circle = new SKPaint { Color = SKColors.White.WithAlpha(200), IsAntialias = true };
        surface.Canvas.DrawCircle(240, 180, 90, circle);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

}
