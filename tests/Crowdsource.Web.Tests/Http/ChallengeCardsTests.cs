using System.Net;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>The challenge list's order and prize filter, and a challenge's cover image, over HTTP.</summary>
public sealed class ChallengeCardsTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_list_shows_open_challenges_by_nearest_deadline_then_those_in_judging_then_finished_ones()
    {
        var owner = await factory.AccountAsync();
        await FinishedChallenges.CreateAsync(factory.Services, owner, await factory.AccountAsync(), await factory.AccountAsync(), paid: false, title: "Finished tin");
        var now = DateTimeOffset.UtcNow;
        await PublishAsync(owner, "Judging closed yesterday", start: now.AddDays(-20), deadlineAfter: TimeSpan.FromDays(19));
        await PublishAsync(owner, "Judging closed long ago", start: now.AddDays(-30), deadlineAfter: TimeSpan.FromDays(10));
        await PublishAsync(owner, "Open far deadline", start: now, deadlineAfter: TimeSpan.FromDays(9));
        await PublishAsync(owner, "Open near deadline", start: now, deadlineAfter: TimeSpan.FromDays(2));

        var page = await Forms.ParseAsync(await Client().GetAsync(new Uri("/Challenges", UriKind.Relative)));

        var titles = page.QuerySelectorAll("article.challenge-card h3").Select(heading => heading.TextContent.Trim()).ToList();
        Assert.Equal(["Open near deadline", "Open far deadline", "Judging closed long ago", "Judging closed yesterday", "Finished tin"], titles);
        var near = page.QuerySelectorAll("article.challenge-card")[0].TextContent;
        Assert.Contains("1 day left", near, StringComparison.Ordinal);
        Assert.Contains("0 entries", near, StringComparison.Ordinal);
        Assert.Contains("Licence: ", near, StringComparison.Ordinal);
        Assert.Contains("Closed", page.QuerySelectorAll("article.challenge-card")[4].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_minimum_prize_above_the_maximum_is_explained_instead_of_finding_nothing_in_silence()
    {
        var page = await Forms.ParseAsync(await Client().GetAsync(new Uri("/Challenges?min=5000&max=100", UriKind.Relative)));

        var message = page.QuerySelector("#prize-range-error");
        Assert.NotNull(message);
        Assert.Contains("The minimum prize (5000) is above the maximum (100)", message.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#min")!.GetAttribute("aria-invalid"));
        Assert.Equal("prize-range-error", page.QuerySelector("#min")!.GetAttribute("aria-describedby"));

        var french = Client();
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        var frenchPage = await Forms.ParseAsync(await french.GetAsync(new Uri("/Challenges?min=5000&max=100", UriKind.Relative)));
        Assert.Contains("Le prix minimum (5000) dépasse le maximum (100)", frenchPage.QuerySelector("#prize-range-error")!.TextContent, StringComparison.Ordinal);

        var fine = await Forms.ParseAsync(await Client().GetAsync(new Uri("/Challenges?min=100&max=5000", UriKind.Relative)));
        Assert.Null(fine.QuerySelector("#prize-range-error"));
    }

    [Fact]
    public async Task A_web_page_renamed_png_is_refused_as_a_cover_with_a_message_on_the_cover_field()
    {
        var (brand, id) = await BrandWithDraftAsync();
        var filesPage = $"/Challenges/Edit/{id}/files";

        var response = await Forms.UploadAsync(brand, filesPage, filesPage + "?handler=Cover", new Dictionary<string, string>(),
            ("Input.Cover", "cover.png", TestFiles.HtmlWithScript(), "image/png"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("cover.png is not a file we accept here", page.QuerySelector("[data-valmsg-for='Input.Cover']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("img[src*='/Challenges/Cover/']"));
        Assert.Equal(HttpStatusCode.NotFound, (await brand.GetAsync(new Uri($"/Challenges/Cover/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_real_png_becomes_the_cover_with_a_small_copy_for_cards_and_replaces_the_previous_one()
    {
        var (brand, id) = await BrandWithDraftAsync();
        var filesPage = $"/Challenges/Edit/{id}/files";
        var first = TestFiles.Png(1600, 900, seed: 3);
        var second = TestFiles.Png(1200, 675, seed: 4);

        var saved = await Forms.UploadAsync(brand, filesPage, filesPage + "?handler=Cover", new Dictionary<string, string>(),
            ("Input.Cover", "cover.png", first, "image/png"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = (await Forms.ParseAsync(await brand.GetAsync(new Uri(filesPage, UriKind.Relative)))).QuerySelector("img[src*='/Challenges/Cover/']");
        Assert.NotNull(shown);
        Assert.Equal("1200", shown.GetAttribute("width"));

        var cover = await brand.GetAsync(new Uri($"/Challenges/Cover/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, cover.StatusCode);
        Assert.Equal("image/png", cover.Content.Headers.ContentType!.MediaType);
        Assert.Equal(first, await cover.Content.ReadAsByteArrayAsync());
        var small = await brand.GetAsync(new Uri($"/Challenges/Cover/{id}?size=card", UriKind.Relative));
        Assert.Equal("image/jpeg", small.Content.Headers.ContentType!.MediaType);
        Assert.True((await small.Content.ReadAsByteArrayAsync()).Length < first.Length);

        await Forms.UploadAsync(brand, filesPage, filesPage + "?handler=Cover", new Dictionary<string, string>(),
            ("Input.Cover", "cover-2.png", second, "image/png"));
        Assert.Equal(second, await (await brand.GetAsync(new Uri($"/Challenges/Cover/{id}", UriKind.Relative))).Content.ReadAsByteArrayAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        Assert.False(await db.StoredFiles.AnyAsync(file => file.Sha256 == TestFiles.Sha256(first)));

        // A draft: nobody outside the brand sees its cover.
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync(new Uri($"/Challenges/Cover/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Another_brand_cannot_set_the_cover_of_a_challenge_that_is_not_theirs()
    {
        var (brand, id) = await BrandWithDraftAsync();
        var (other, _) = await BrandWithDraftAsync();
        var token = (await Forms.ParseAsync(await other.GetAsync(new Uri("/Brands/New", UriKind.Relative))))
            .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(TestFiles.Png(64, 36)), "Input.Cover", "cover.png" },
        };
        var response = await other.PostAsync(new Uri($"/Challenges/Edit/{id}/files?handler=Cover", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await brand.GetAsync(new Uri($"/Challenges/Cover/{id}", UriKind.Relative))).StatusCode);
    }

    /// <summary>A signed-in account that created a brand and started a draft; returns the draft's id.</summary>
    private async Task<(HttpClient Brand, string ChallengeId)> BrandWithDraftAsync()
    {
        var client = Client();
        await Forms.SignInAsync(client, await factory.AccountAsync());
        var created = await Forms.SubmitAsync(client, "/Brands/New", new Dictionary<string, string>
        {
            ["Input.Name"] = "Cover Lab", ["Input.Slug"] = $"cover-{Guid.NewGuid():N}"[..20],
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var workspace = created.Headers.Location!.OriginalString;
        var draft = await Forms.SubmitAsync(client, workspace, new Dictionary<string, string> { ["NewChallengeTitle"] = "Wrapper" },
            action: workspace + "?handler=NewChallenge");
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        return (client, draft.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private Task<Guid> PublishAsync(TestAccount owner, string title, DateTimeOffset start, TimeSpan deadlineAfter) =>
        ListedChallenges.CreateAsync(factory.Services, owner, title, start, deadlineAfter);
}
