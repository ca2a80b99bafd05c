using System.Net;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Crowdsource.Infrastructure.Persistence.Seed;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// The pages anonymous visitors read: kept briefly and shared (output cache) but never a signed-in person's, evicted
/// by a change, without per-visitor tokens, searchable by brand, paged with a bounded pager, in few SQL statements.
/// </summary>
public sealed class PublicPagesTests : IClassFixture<PublicPagesTests.Site>
{
    private readonly Site _site;

    public PublicPagesTests(Site site) => _site = site;

    /// <summary>The site with a SQL statement counter, and a scene: a brand "Zebracorn Studio" with many public challenges.</summary>
    public sealed class Site : IAsyncLifetime
    {
        public CrowdsourceWebFactory Factory { get; } = new() { ConfigureSite = SqlStatementCounter.AddTo };

        public SqlStatementCounter Counter => Factory.Services.GetRequiredService<SqlStatementCounter>();

        public string BrandSlug { get; } = $"zebracorn-{Guid.NewGuid():N}"[..20];

        public const int ChallengeCount = 150; // 13 pages of 12

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)Factory).InitializeAsync();
            var owner = await Factory.AccountAsync();
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
            var ownerId = await db.Users.Where(user => user.Email == owner.Email).Select(user => user.Id).SingleAsync();
            var licence = await db.LicenceVersions.Select(version => version.Id).FirstAsync();
            var now = DateTimeOffset.UtcNow;
            var brand = Brand.Create("Zebracorn Studio", BrandSlug, string.Empty, null, ownerId, now);
            db.Add(brand);
            for (var number = 1; number <= ChallengeCount; number++)
            {
                var title = number == 1 ? "Paint a lighthouse mural" : $"Rename our teapot {number}";
                var challenge = Challenge.CreateDraft(brand.Id, title, ownerId, now);
                challenge.Describe(title, "A name for a teapot.", "Give our teapot a name.", ChallengeCategory.Naming, [], now);
                challenge.SetPrizeTiers([PrizeTier.Create(1, 1000m + number, "EUR")], now);
                challenge.SetCriteria([JudgingCriterion.Create("Originality", null, 100)], hasEntries: false, now);
                challenge.ChooseLicence(licence, now);
                challenge.SetAudience(ChallengeVisibility.Public, [], 1, now);
                challenge.SetSchedule(now.AddMinutes(-1), now.AddDays(10).AddMinutes(number), now.AddDays(20).AddMinutes(number), now.AddMinutes(-2));
                challenge.SubmitForReview(now);
                DemoFunding.Fund(db, challenge, ownerId, "test-admin", now);
                challenge.Approve(now);
                challenge.AdvanceWithTime(now);
                db.Add(challenge);
            }

            await db.SaveChangesAsync();
        }

        public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();
    }

    private HttpClient Visitor() => _site.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await Forms.ParseAsync(response));
    }

    private static string Found(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("p[role='status']")!.TextContent;

    [Fact]
    public async Task Anonymous_pages_carry_no_antiforgery_cookie_or_token_and_may_be_kept_briefly_by_shared_caches()
    {
        var visitor = Visitor();
        var challenge = await OpenChallenges.CreateAsync(_site.Factory, await _site.Factory.AccountAsync());
        foreach (var path in (string[])["/", "/Challenges", "/Challenges?q=teapot", challenge, "/Winners", $"/b/{_site.BrandSlug}"])
        {
            var (response, page) = await GetAsync(visitor, path);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets a cookie");
            Assert.Null(page.QuerySelector("input[name='__RequestVerificationToken']"));
            Assert.Equal("public, max-age=0, s-maxage=2", response.Headers.CacheControl!.ToString());
        }

        // The language switch still works without a token.
        var switched = await visitor.PostAsync(new Uri("/Language", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "/Challenges" }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_page_is_never_kept_nor_served_from_the_anonymous_copy()
    {
        var anonymous = Visitor();
        var path = $"/Challenges?q=teapot&signed={Guid.NewGuid():N}";
        var (_, before) = await GetAsync(anonymous, path); // now kept for visitors
        Assert.Null(before.QuerySelector("form[action='/Account/Logout']"));

        var account = await _site.Factory.AccountAsync();
        var member = Visitor();
        await Forms.SignInAsync(member, account);
        var (response, page) = await GetAsync(member, path);
        Assert.NotNull(page.QuerySelector("form[action='/Account/Logout']"));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(_site.Counter.Take(path) > 0, "the signed-in page was rendered, not taken from the cache");

        var (_, after) = await GetAsync(anonymous, path);
        Assert.Null(after.QuerySelector("form[action='/Account/Logout']"));
        Assert.DoesNotContain(account.Email, after.Source.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_kept_list_shows_a_newly_published_challenge_at_once()
    {
        var keyword = $"kw{Guid.NewGuid():N}"[..12];
        var path = $"/Challenges?q={keyword}";
        var visitor = Visitor();
        Assert.Empty((await GetAsync(visitor, path)).Page.QuerySelectorAll("article.challenge-card"));
        _site.Counter.Take(path);
        await GetAsync(visitor, path);
        Assert.Equal(0, _site.Counter.Take(path)); // served from the cache

        var owner = await _site.Factory.AccountAsync();
        var member = Visitor();
        await Forms.SignInAsync(member, owner);
        var brandId = await BrandPages.CreateBrandAsync(member, "Kite Works");
        var challengeId = await BrandPages.ChallengeInReviewAsync(member, brandId, "Draw our kite", keyword);
        var moderator = Visitor();
        await Forms.SignInAsync(moderator, await _site.Factory.AccountAsync("Moderator"));
        await ArrangedFunding.FundAsync(_site.Factory, challengeId);
        Assert.Equal(HttpStatusCode.Redirect, (await BrandPages.ApproveAsync(moderator, challengeId)).StatusCode);

        var (_, page) = await GetAsync(visitor, path);
        Assert.NotNull(page.QuerySelector($"a[href^='/Challenges/{challengeId}']"));
    }

    [Fact]
    public async Task Search_finds_challenges_by_their_brand_name_and_by_two_words()
    {
        var visitor = Visitor();
        var (_, byBrand) = await GetAsync(visitor, "/Challenges?q=zebracorn");
        Assert.Contains(Site.ChallengeCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Found(byBrand), StringComparison.Ordinal);

        var (_, twoWords) = await GetAsync(visitor, "/Challenges?q=lighthouse+mural");
        Assert.Equal(["Paint a lighthouse mural"], twoWords.QuerySelectorAll("article.challenge-card h3").Select(title => title.TextContent.Trim()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(13)]
    public async Task The_pager_links_a_bounded_number_of_pages_and_every_page_answers(int number)
    {
        var path = $"/b/{_site.BrandSlug}?p={number}";
        var (_, page) = await GetAsync(Visitor(), path);
        var links = page.QuerySelectorAll("nav .pagination a");
        Assert.InRange(links.Length, 2, (2 * Pager.Radius) + 4); // previous, first, window, last, next
        Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("[aria-current='page']")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("a[href^='/Challenges/']"));

        var (_, list) = await GetAsync(Visitor(), $"/Challenges?q=zebracorn&p={number}");
        Assert.InRange(list.QuerySelectorAll("nav .pagination a").Length, 2, (2 * Pager.Radius) + 4);
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page()
    {
        var (_, page) = await GetAsync(Visitor(), "/Challenges?q=zebracorn&p=100000");
        Assert.Equal("13", page.QuerySelector("[aria-current='page']")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("a[href^='/Challenges/']"));
    }

    [Fact]
    public async Task Each_public_page_runs_at_most_four_sql_statements_on_connections_that_are_not_reset()
    {
        var owner = await _site.Factory.AccountAsync();
        var (winner, other) = (await _site.Factory.AccountAsync(), await _site.Factory.AccountAsync());
        var finished = await FinishedChallenges.CreateAsync(_site.Factory.Services, owner, winner, other, paid: false);
        var open = await OpenChallenges.CreateAsync(_site.Factory, owner);
        await using (var scope = _site.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
            // No DISCARD ALL each time a pooled connection is opened again.
            Assert.True(new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).NoResetOnClose);
        }

        var winnerId = await WinnerIdAsync(winner);
        var visitor = Visitor();
        foreach (var path in (string[])["/", "/Challenges", "/Challenges?q=teapot", "/Challenges?q=teapot+name", "/Challenges?phase=Open&sort=Prize&min=10",
                     "/Challenges?p=5", open, $"/Challenges/{finished.ChallengeId}/results", "/Winners", $"/b/{_site.BrandSlug}", $"/c/{winnerId}"])
        {
            var pathAndQuery = $"{path}{(path.Contains('?', StringComparison.Ordinal) ? "&" : "?")}n={Guid.NewGuid():N}"; // never from the cache
            await GetAsync(visitor, pathAndQuery);
            var statements = _site.Counter.Take(pathAndQuery);
            Assert.True(statements <= 4, $"{path} ran {statements} SQL statements");
        }
    }

    private async Task<string> WinnerIdAsync(TestAccount account)
    {
        await using var scope = _site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        return await db.Users.Where(user => user.Email == account.Email).Select(user => user.Id).SingleAsync();
    }
}
