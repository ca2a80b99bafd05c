using System.Text.RegularExpressions;
using Crowdsource.Domain.Entries;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// Issue 14, feedback while it still helps: the brand rates an approved entry with a private comment while the
/// challenge is open; its creative is notified, reads the feedback on the entry page and revises the entry; the brand
/// sees that the entry was revised after its rating. In English on a desktop and in French on a phone; axe finds
/// nothing and no page scrolls sideways.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BrandFeedbackJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-GB", 1280, "Give feedback on entries", "4 stars out of 5", "Private comment to the creative", "Save rating", "Rating saved. The creative has been told.",
        "The brand rated your entry", "Feedback from the brand", "Save my entry", "Revised after your rating",
        "No challenge of this brand has announced its results yet.")]
    [InlineData("fr-FR", 375, "Donner un avis sur les participations", "4\u00a0étoiles sur 5", "Commentaire privé au créatif", "Enregistrer la note", "Note enregistrée. Le créatif a été prévenu.",
        "La marque a noté votre participation", "L’avis de la marque", "Enregistrer ma participation", "Retouchée après votre note",
        "Aucun défi de cette marque n’a encore annoncé ses résultats.")]
    public async Task The_brand_rates_an_entry_and_its_creative_reads_the_feedback_and_revises_it(
        string locale, int width, string giveFeedback, string fourStars, string commentLabel, string save, string saved,
        string notified, string feedbackRegion, string saveEntry, string revised, string noHistory)
    {
        var word = $"oolong{Guid.NewGuid():N}"[..12]; // other tests share the site: this journey's titles carry a word of their own
        var (owner, creative) = (await browser.Site.AccountAsync(), await browser.Site.AccountAsync());
        var challenge = await OpenChallenges.CreateAsync(browser.Site, owner, title: $"Name our oolong {word}");
        var comment = $"The name is lovely; try a <warmer> word for the tin {word}.";

        var creativeTab = await SignedInAsync(creative, locale, width);
        var entryUrl = await EnterAsync(creativeTab, challenge, $"Amber Cloud {word}");
        await ApproveAsync(entryUrl);

        var brandTab = await SignedInAsync(owner, locale, width);
        await brandTab.GotoAsync(challenge);
        await Assertions.Expect(brandTab.Locator(".feedback-promise")).ToContainTextAsync(noHistory); // computed, before anyone enters
        await BrowserFixture.ScreenshotAsync(brandTab, $"feedback-00-challenge-page-{locale}-{width}");
        await brandTab.GetByRole(AriaRole.Link, new() { Name = giveFeedback }).ClickAsync();
        var card = brandTab.Locator("li.card").Filter(new() { HasText = $"Amber Cloud {word}" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).Not.ToContainTextAsync("Test"); // blind: the brand rates the work, not the person
        await card.GetByLabel(fourStars).CheckAsync();
        await card.GetByLabel(commentLabel).FillAsync(comment);
        await Axe.AssertNoViolationsAsync(brandTab, $"feedback page {locale} {width}");
        await card.GetByRole(AriaRole.Button, new() { Name = save }).ClickAsync();
        await Assertions.Expect(brandTab.GetByText(saved)).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText(fourStars).First).ToBeVisibleAsync();
        await AssertFitsAsync(brandTab, "feedback page");
        await BrowserFixture.ScreenshotAsync(brandTab, $"feedback-01-brand-rated-{locale}-{width}");

        await creativeTab.GotoAsync("/Notifications");
        await Assertions.Expect(creativeTab.GetByText(new Regex(Regex.Escape(notified))).First).ToBeVisibleAsync();
        await creativeTab.GotoAsync(entryUrl);
        var feedback = creativeTab.GetByRole(AriaRole.Region, new() { Name = feedbackRegion });
        await Assertions.Expect(feedback).ToContainTextAsync(comment); // shown as typed: the markup is text
        await Assertions.Expect(feedback).ToContainTextAsync(fourStars);
        await creativeTab.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Axe.AssertNoViolationsAsync(creativeTab, $"entry with feedback {locale} {width}");
        await AssertFitsAsync(creativeTab, "entry page");
        await BrowserFixture.ScreenshotAsync(creativeTab, $"feedback-02-creative-reads-{locale}-{width}");

        await creativeTab.GotoAsync($"{entryUrl}/edit");
        await creativeTab.Locator("#Input_Title").FillAsync($"Amber Cloud Tin {word}");
        await creativeTab.GetByRole(AriaRole.Button, new() { Name = saveEntry }).ClickAsync();
        await Assertions.Expect(creativeTab.Locator("h1")).ToHaveTextAsync($"Amber Cloud Tin {word}", new() { Timeout = 30_000 });

        await brandTab.ReloadAsync();
        var revisedCard = brandTab.Locator("li.card").Filter(new() { HasText = $"Amber Cloud Tin {word}" });
        await Assertions.Expect(revisedCard.GetByText(revised)).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(brandTab, $"feedback page after a revision {locale} {width}");
        await AssertFitsAsync(brandTab, "feedback page after a revision");
        await BrowserFixture.ScreenshotAsync(brandTab, $"feedback-03-brand-sees-revision-{locale}-{width}");
    }

    private async Task<IPage> SignedInAsync(TestAccount account, string locale, int width)
    {
        var page = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", "en-GB", bypassContentSecurityPolicy: true);
        await BrowserFixture.LogInAsync(page, account.Email, account.Password);
        await Assertions.Expect(page.Locator("form[action='/Account/Logout'] button")).ToBeVisibleAsync();
        if (locale == "fr-FR")
        {
            await page.Locator("form.language-switch button[value=fr]").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^fr"));
        }

        await page.SetViewportSizeAsync(width, 900);
        return page;
    }

    private static async Task<string> EnterAsync(IPage tab, string challenge, string title)
    {
        await tab.GotoAsync($"{challenge}/enter");
        await tab.Locator("#Input_Title").FillAsync(title);
        await tab.Locator("#Input_Files").SetInputFilesAsync(new FilePayload { Name = "tin.png", MimeType = "image/png", Buffer = TestFiles.Png(320, 240, seed: 83) });
        await tab.Locator("#Input_AcceptLicence").CheckAsync();
        await tab.Locator("#Input_DeclareOriginal").CheckAsync();
        await tab.Locator("form[data-upload-progress] button[type=submit]").ClickAsync();
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync(title, new() { Timeout = 30_000 }); // an upload, on a shared machine
        return new Uri(tab.Url).AbsolutePath;
    }

    /// <summary>Screening is another journey's: a moderator's approval, through the domain.</summary>
    private async Task ApproveAsync(string entryUrl)
    {
        var moderator = await browser.Site.AccountAsync("Moderator");
        await using var scope = browser.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var moderatorId = await db.Users.Where(user => user.Email == moderator.Email).Select(user => user.Id).SingleAsync();
        var entryId = new EntryId(Guid.Parse(entryUrl.Split('/')[^1]));
        var entry = await db.Entries.SingleAsync(candidate => candidate.Id == entryId);
        var challenge = await db.Challenges.SingleAsync(candidate => candidate.Id == entry.ChallengeId);
        entry.Approve(challenge, moderatorId, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private static async Task AssertFitsAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"The {what} scrolls sideways.");
}
