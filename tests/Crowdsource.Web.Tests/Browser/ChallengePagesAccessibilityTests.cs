using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules on the challenge and brand pages, filled with real content: a published
/// challenge, a draft with its checklist, a challenge waiting for a moderator, a brand workspace with its table.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ChallengePagesAccessibilityTests(BrowserFixture browser)
{

    [Theory]
    [InlineData("challenge list", "/Challenges", "visitor", "en-GB")]
    [InlineData("challenge list", "/Challenges?q={keyword}", "visitor", "fr-FR")]
    [InlineData("challenge page", "/Challenges/{published}", "visitor", "en-GB")]
    [InlineData("challenge page", "/Challenges/{published}", "visitor", "fr-FR")]
    [InlineData("edit page", "/Challenges/Edit/{draft}", "owner", "en-GB")]
    [InlineData("brand workspace", "/Brands/Workspace/{brand}", "owner", "en-GB")]
    [InlineData("moderation challenge page", "/Moderation/Challenge/{review}", "moderator", "en-GB")]
    public async Task The_page_has_no_wcag_a_or_aa_violation(string page, string template, string viewer, string locale)
    {
        var scene = await SceneAsync();
        var path = template
            .Replace("{keyword}", scene.Keyword, StringComparison.Ordinal)
            .Replace("{published}", scene.PublishedId.ToString(), StringComparison.Ordinal)
            .Replace("{draft}", scene.DraftId.ToString(), StringComparison.Ordinal)
            .Replace("{review}", scene.ReviewId.ToString(), StringComparison.Ordinal)
            .Replace("{brand}", scene.BrandId.ToString(), StringComparison.Ordinal);
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", locale, bypassContentSecurityPolicy: true);
        if (viewer != "visitor")
        {
            var account = viewer == "owner" ? scene.Owner : scene.Moderator;
            await BrowserFixture.LogInAsync(tab, account.Email, account.Password);
            await Assertions.Expect(tab.Locator("form[action='/Account/Logout'] button")).ToBeVisibleAsync();
        }

        var response = await tab.GotoAsync(path);
        Assert.True(response!.Ok, $"{page}: {path} answered {response.Status}");
        await Assertions.Expect(tab.GetByRole(AriaRole.Main)).ToContainTextAsync(template.Contains("{draft}", StringComparison.Ordinal) || template.Contains("{brand}", StringComparison.Ordinal) ? scene.DraftTitle : scene.Title);
        Assert.Empty((await Axe.ViolationsAsync(tab)).Select(violation => $"{page}: {violation}"));
    }

    private sealed record Scene(
        TestAccount Owner, TestAccount Moderator, Guid BrandId, Guid DraftId, Guid ReviewId, Guid PublishedId, string Title, string DraftTitle, string Keyword);

    /// <summary>A brand with a draft, a challenge in review and a published one, all made through the pages over HTTP.</summary>
    private async Task<Scene> SceneAsync()
    {
        var owner = await browser.Site.AccountAsync();
        var moderator = await browser.Site.AccountAsync(Roles.Moderator);
        using var ownerHandler = new HttpClientHandler { AllowAutoRedirect = false };
        using var ownerClient = new HttpClient(ownerHandler) { BaseAddress = browser.BaseAddress };
        using var moderatorHandler = new HttpClientHandler { AllowAutoRedirect = false };
        using var moderatorClient = new HttpClient(moderatorHandler) { BaseAddress = browser.BaseAddress };
        await Forms.SignInAsync(ownerClient, owner);
        await Forms.SignInAsync(moderatorClient, moderator);

        var keyword = $"lantern{Guid.NewGuid():N}"[..12];
        const string title = "A lantern for the garden";
        const string draftTitle = "A draft lantern";
        var brandId = await BrandPages.CreateBrandAsync(ownerClient, "Lumière Douce");
        var draftId = await BrandPages.StartDraftAsync(ownerClient, brandId, draftTitle);
        await BrandPages.PostChallengeFormAsync(ownerClient, draftId, new Dictionary<string, string>
        {
            ["Input.Title"] = draftTitle,
            ["Input.Summary"] = "Half done, so the checklist still has items.",
            ["Input.PrizeAmounts[0]"] = "800",
        });
        var reviewId = await BrandPages.ChallengeInReviewAsync(ownerClient, brandId, title, keyword);
        var publishedId = await BrandPages.ChallengeInReviewAsync(ownerClient, brandId, title, keyword);
        await ArrangedFunding.FundAsync(browser.Site, publishedId);
        var approved = await BrandPages.ApproveAsync(moderatorClient, publishedId);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, approved.StatusCode);
        return new Scene(owner, moderator, brandId, draftId, reviewId, publishedId, title, draftTitle, keyword);
    }
}
