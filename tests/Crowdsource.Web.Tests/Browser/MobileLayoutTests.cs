using System.Net;
using System.Runtime.CompilerServices;
using Crowdsource.Domain.Accounts;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// The pages people visit, on a phone (375 x 667): nothing scrolls sideways, the facts of a challenge are on the first
/// screen, the challenge list's filters fold into a bar; and the HTML of each page passes axe (WCAG 2.1 A and AA) and,
/// where it is installed, the Nu HTML Checker.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MobileLayoutTests(BrowserFixture browser)
{
    private const int PhoneWidth = 375;
    private const int PhoneHeight = 667;

    private static readonly ConditionalWeakTable<BrowserFixture, Task<Scene>> Scenes = [];

    /// <summary>The element furthest past the right edge and the deepest of those, as "tag#id.class (right edge px)".</summary>
    internal const string WidestElements = """
        () => {
            const width = document.documentElement.clientWidth;
            const depth = element => { let d = 0; for (let e = element; e; e = e.parentElement) d++; return d; };
            return [...document.body.querySelectorAll('*')]
                .map(element => ({ element, right: element.getBoundingClientRect().right }))
                .filter(item => item.right > width + 0.5)
                .sort((a, b) => b.right - a.right || depth(b.element) - depth(a.element))
                .slice(0, 4)
                .map(item => item.element.tagName.toLowerCase() + (item.element.id ? '#' + item.element.id : '')
                    + [...item.element.classList].map(c => '.' + c).join('') + ' (' + Math.round(item.right) + ' px: "'
                    + (item.element.textContent || '').trim().slice(0, 40) + '")');
        }
        """;

    [Theory]
    [InlineData("home", "/", "visitor", "en-GB")]
    [InlineData("list", "/Challenges", "visitor", "en-GB")]
    [InlineData("list", "/Challenges", "visitor", "fr-FR")]
    [InlineData("challenge", "{open}", "visitor", "en-GB")]
    [InlineData("challenge", "{open}", "creative", "fr-FR")]
    [InlineData("entry-form", "{open}/enter", "creative", "en-GB")]
    [InlineData("entry", "/Entries/{entry}", "winner", "en-GB")]
    [InlineData("entry", "/Entries/{entry}", "winner", "fr-FR")]
    [InlineData("my-entries", "/Entries", "winner", "fr-FR")]
    [InlineData("results", "/Challenges/{finished}/results", "visitor", "en-GB")]
    [InlineData("winners", "/Winners", "visitor", "en-GB")]
    [InlineData("brand-workspace", "/Brands/Workspace/{brand}", "owner", "en-GB")]
    [InlineData("winner-choice", "/Brands/Challenges/{finished}/winners", "owner", "fr-FR")]
    [InlineData("admin-accounts", "/Admin/Accounts", "admin", "en-GB")]
    [InlineData("admin-accounts", "/Admin/Accounts", "admin", "fr-FR")]
    [InlineData("admin-brands", "/Admin/Brands", "admin", "en-GB")]
    [InlineData("moderation-desk", "/Moderation", "moderator", "en-GB")]
    [InlineData("moderation-queue", "/Moderation/Queue", "moderator", "fr-FR")]
    [InlineData("moderation-licences", "/Moderation/Licences", "moderator", "en-GB")]
    [InlineData("moderation-challenge", "/Moderation/Challenge/{openId}", "moderator", "en-GB")]
    [InlineData("my-account", "/Account/Manage", "creative", "en-GB")]
    [InlineData("notifications", "/Notifications", "winner", "en-GB")]
    [InlineData("log-in", "/Account/Login", "visitor", "fr-FR")]
    [InlineData("register", "/Account/Register", "visitor", "en-GB")]
    public async Task At_375_px_the_page_does_not_scroll_sideways_and_its_html_is_valid(string name, string template, string viewer, string locale)
    {
        var scene = await Scenes.GetValue(browser, _ => SceneAsync());
        var path = template
            .Replace("{openId}", scene.OpenChallenge.Split('/')[^1], StringComparison.Ordinal)
            .Replace("{open}", scene.OpenChallenge, StringComparison.Ordinal)
            .Replace("{entry}", scene.Finished.WinningEntryId.ToString(), StringComparison.Ordinal)
            .Replace("{finished}", scene.Finished.ChallengeId.ToString(), StringComparison.Ordinal)
            .Replace("{brand}", scene.BrandId.ToString(), StringComparison.Ordinal);
        var tab = await PhoneAsync(locale, scene.Viewer(viewer));

        var response = await tab.GotoAsync(path);
        Assert.True(response!.Ok, $"{name}: {path} answered {response.Status}");
        var html = await response.TextAsync();

        var scrollWidth = await tab.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var widest = scrollWidth <= PhoneWidth ? [] : await tab.EvaluateAsync<string[]>(WidestElements);
        Assert.True(scrollWidth <= PhoneWidth, $"{name} ({locale}) is {scrollWidth} px wide at {PhoneWidth} px; widest: {string.Join("; ", widest)}");
        await BrowserFixture.ScreenshotAsync(tab, $"phone-{name}-{locale}");
        await Axe.AssertNoViolationsAsync(tab, $"{name} ({locale}) at {PhoneWidth} px");
        var errors = await HtmlChecker.ErrorsAsync(html);
        Assert.True(errors.Count == 0, $"{name} ({locale}) {path}: the Nu HTML Checker finds{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");

        await tab.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.ScreenshotAsync(tab, $"desktop-{name}-{locale}");
    }

    [Theory]
    [InlineData("en-GB", "Submission deadline", "Open", "Enter this challenge")]
    [InlineData("fr-FR", "Date limite des soumissions", "Ouvert", "Participer à ce défi")]
    public async Task On_a_phone_the_prize_deadline_status_and_action_of_a_challenge_are_on_the_first_screen(
        string locale, string deadline, string status, string action)
    {
        var scene = await Scenes.GetValue(browser, _ => SceneAsync());
        var tab = await PhoneAsync(locale, scene.Creative);
        await tab.GotoAsync(scene.OpenChallenge);

        var facts = tab.GetByRole(AriaRole.Region, new() { Name = locale == "en-GB" ? "Key facts" : "L’essentiel" });
        ILocator[] wanted =
        [
            facts.Locator(".key-fact-prize dd"),
            facts.GetByRole(AriaRole.Term).Filter(new() { HasTextString = deadline }),
            facts.Locator(".key-fact-deadline dd"),
            facts.Locator(".key-fact-status .badge"),
            facts.GetByRole(AriaRole.Link, new() { Name = action }),
        ];
        await Assertions.Expect(wanted[0]).ToContainTextAsync("€");
        await Assertions.Expect(wanted[3]).ToHaveTextAsync(status);
        foreach (var fact in wanted)
        {
            await Assertions.Expect(fact).ToBeVisibleAsync();
            var box = await fact.BoundingBoxAsync();
            Assert.True(box is not null && box.Y + box.Height <= PhoneHeight,
                $"{await fact.TextContentAsync()} ends at {box?.Y + box?.Height} px, below the first screen ({PhoneHeight} px)");
        }
    }

    [Fact]
    public async Task On_a_phone_the_list_s_filter_bar_takes_less_than_a_quarter_of_the_screen_and_still_filters()
    {
        var scene = await Scenes.GetValue(browser, _ => SceneAsync());
        var tab = await PhoneAsync("en-GB", null);
        await tab.GotoAsync("/Challenges");
        var bar = tab.GetByRole(AriaRole.Search, new() { Name = "Search challenges" });
        Assert.True((await bar.BoundingBoxAsync())!.Height < PhoneHeight / 4.0, "The filter bar takes a quarter of the first screen or more");

        await tab.GetByRole(AriaRole.Searchbox, new() { Name = "Search challenges" }).FillAsync(scene.Keyword);
        await tab.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var cards = tab.GetByRole(AriaRole.Article);
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await Assertions.Expect(cards).ToContainTextAsync(scene.OpenTitle);
        Assert.True((await bar.BoundingBoxAsync())!.Height < PhoneHeight / 4.0, "The filter bar grows past a quarter of the screen once used");

        await bar.GetByText("Filters", new() { Exact = true }).ClickAsync();
        await bar.GetByLabel("Min. prize").FillAsync("5000");
        await bar.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(cards).ToHaveCountAsync(0);
        await Assertions.Expect(bar.GetByText("Filters (1 active)", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(tab.GetByRole(AriaRole.Searchbox, new() { Name = "Search challenges" })).ToHaveValueAsync(scene.Keyword);
        await BrowserFixture.ScreenshotAsync(tab, "phone-list-filtered-en-GB");
    }

    [Fact]
    public async Task A_text_saved_with_the_browser_s_CR_LF_line_ends_comes_back_without_carriage_returns()
    {
        var owner = await browser.Site.AccountAsync();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = browser.BaseAddress };
        await Forms.SignInAsync(client, owner);
        var brandId = await BrandPages.CreateBrandAsync(client, "Lignes Claires");
        var draftId = await BrandPages.StartDraftAsync(client, brandId, "Two lines");

        var saved = await BrandPages.PostChallengeFormAsync(client, draftId, new Dictionary<string, string>
        {
            ["Input.Title"] = "Two lines",
            ["Input.Brief"] = "First line\r\nSecond line",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var form = await client.GetAsync(new Uri($"/Challenges/Edit/{draftId}", UriKind.Relative));
        Assert.DoesNotContain("&#xD;", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("First line\nSecond line", ((AngleSharp.Html.Dom.IHtmlTextAreaElement)(await Forms.ParseAsync(form)).QuerySelector("#Input_Brief")!).Value);
    }

    private async Task<IPage> PhoneAsync(string locale, TestAccount? account)
    {
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", locale, bypassContentSecurityPolicy: true);
        await tab.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        if (account is not null)
        {
            await tab.GotoAsync("/Account/Login");
            await tab.Locator("#Input_Email").FillAsync(account.Email);
            await tab.Locator("#Input_Password").FillAsync(account.Password);
            await tab.Locator("main form button[type=submit]").ClickAsync();
            await Assertions.Expect(tab.Locator("form[action='/Account/Logout'] button")).ToBeAttachedAsync();
        }

        return tab;
    }

    private sealed record Scene(
        TestAccount Owner, TestAccount Creative, TestAccount Winner, TestAccount Admin, TestAccount Moderator,
        string OpenChallenge, string OpenTitle, string Keyword, Guid BrandId, FinishedChallenges.Finished Finished)
    {
        public TestAccount? Viewer(string who) => who switch
        {
            "visitor" => null,
            "owner" => Owner,
            "creative" => Creative,
            "winner" => Winner,
            "admin" => Admin,
            "moderator" => Moderator,
            _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
        };
    }

    /// <summary>
    /// An open challenge with a long title (a brand's, entered by nobody yet), and a finished one whose winner has an
    /// entry with files, a licence receipt and its hashes; accounts with every role.
    /// </summary>
    private async Task<Scene> SceneAsync()
    {
        var owner = await browser.Site.AccountAsync();
        var keyword = $"bergamot{Guid.NewGuid():N}"[..14];
        var title = $"A label for our smoked winter blend of black tea and {keyword}";
        var open = await OpenChallenges.CreateAsync(browser.Site, owner, title: title);
        var challengeId = Guid.Parse(open.Split('/')[^1]);
        Guid brandId;
        await using (var scope = browser.Site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
            brandId = (await db.Challenges.AsNoTracking().Where(challenge => challenge.Id == new Domain.Challenges.ChallengeId(challengeId))
                .Select(challenge => challenge.BrandId).SingleAsync()).Value;
        }

        var winner = await browser.Site.AccountAsync();
        var finished = await FinishedChallenges.CreateAsync(browser.Site.Services, owner, winner, await browser.Site.AccountAsync(), paid: true);
        return new Scene(owner, await browser.Site.AccountAsync(), winner, await browser.Site.AccountAsync(Roles.Admin),
            await browser.Site.AccountAsync(Roles.Moderator), open, title, keyword, brandId, finished);
    }
}
