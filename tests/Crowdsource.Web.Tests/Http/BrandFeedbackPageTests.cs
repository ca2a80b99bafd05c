using System.Net;
using AngleSharp.Html.Dom;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Entries;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// The brand's feedback page over HTTP: only the challenge's brand opens it and rates; another brand, another
/// creative and a moderator are turned away (404, or 403 for staff who see the entry); a double submit rates once.
/// </summary>
public sealed class BrandFeedbackPageTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    [Fact]
    public async Task Only_the_challenges_brand_rates_and_a_form_sent_twice_rates_once()
    {
        var ownerAccount = await factory.AccountAsync();
        var challenge = await OpenChallenges.CreateAsync(factory, ownerAccount);
        var feedbackPage = challenge.Replace("/Challenges/", "/Brands/Challenges/", StringComparison.Ordinal) + "/feedback";
        var creative = await SignedInAsync(await factory.AccountAsync());
        var entryPage = await SubmittedEntries.EnterAsync(creative, challenge, "Oolong dreams");
        var entryId = await ApproveAsync(entryPage);
        var owner = await SignedInAsync(ownerAccount);
        var otherBrandAccount = await factory.AccountAsync();
        await OpenChallenges.CreateAsync(factory, otherBrandAccount); // the owner of another brand
        var otherBrand = await SignedInAsync(otherBrandAccount);
        var moderator = await SignedInAsync(await factory.AccountAsync(Roles.Moderator));
        var otherCreative = await SignedInAsync(await factory.AccountAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await otherBrand.GetAsync(new Uri(feedbackPage, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync(new Uri(feedbackPage, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RateAsync(otherBrand, challenge, feedbackPage, entryId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RateAsync(otherCreative, challenge, feedbackPage, entryId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RateAsync(moderator, challenge, feedbackPage, entryId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RateAsync(creative, challenge, feedbackPage, entryId)).StatusCode);
        Assert.Equal(0, await RatingsAsync(entryId));

        var page = await owner.GetAsync(new Uri(feedbackPage, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(5, (await Forms.ParseAsync(page)).QuerySelectorAll($"#entry-{entryId} input[type=radio][name='Input.Stars']").Length);
        var first = await RateAsync(owner, feedbackPage, feedbackPage, entryId);
        var second = await RateAsync(owner, feedbackPage, feedbackPage, entryId);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await RatingsAsync(entryId));
        var entry = await Forms.ParseAsync(await creative.GetAsync(new Uri(entryPage, UriKind.Relative)));
        Assert.Contains("&lt;b&gt;Bolder&lt;/b&gt;", entry.QuerySelector("#brand-feedback-title")!.ParentElement!.InnerHtml, StringComparison.Ordinal);
        var stranger = await Forms.ParseAsync(await owner.GetAsync(new Uri(entryPage, UriKind.Relative)));
        Assert.Null(stranger.QuerySelector("#brand-feedback-title"));
    }

    [Fact]
    public async Task A_rating_without_stars_is_redisplayed_with_the_reason()
    {
        var ownerAccount = await factory.AccountAsync();
        var challenge = await OpenChallenges.CreateAsync(factory, ownerAccount);
        var feedbackPage = challenge.Replace("/Challenges/", "/Brands/Challenges/", StringComparison.Ordinal) + "/feedback";
        var entryId = await ApproveAsync(await SubmittedEntries.EnterAsync(await SignedInAsync(await factory.AccountAsync()), challenge, "Oolong dreams"));
        var owner = await SignedInAsync(ownerAccount);

        var response = await RateAsync(owner, feedbackPage, feedbackPage, entryId, stars: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose from 1 to 5 stars.", (await Forms.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await RatingsAsync(entryId));
    }

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(client, account);
        return client;
    }

    /// <summary>Posts a rating with an antiforgery token taken from <paramref name="tokenPage"/> (a page the client may open).</summary>
    private static async Task<HttpResponseMessage> RateAsync(HttpClient client, string tokenPage, string feedbackPage, Guid entryId, int? stars = 4)
    {
        var page = await Forms.ParseAsync(await client.GetAsync(new Uri(tokenPage, UriKind.Relative)));
        var token = ((IHtmlInputElement)page.QuerySelector("input[name='__RequestVerificationToken']")!).Value;
        var values = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.EntryId"] = entryId.ToString(),
            ["Input.Comment"] = "<b>Bolder</b> colours, please.",
        };
        if (stars is { } count)
        {
            values["Input.Stars"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await client.PostAsync(new Uri($"{feedbackPage}?handler=Rate", UriKind.Relative), new FormUrlEncodedContent(values));
    }

    private async Task<Guid> ApproveAsync(string entryPage)
    {
        var id = new EntryId(Guid.Parse(entryPage.Split('/')[^1]));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var entry = await db.Entries.SingleAsync(candidate => candidate.Id == id);
        var challenge = await db.Challenges.SingleAsync(candidate => candidate.Id == entry.ChallengeId);
        entry.Approve(challenge, "moderator", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return id.Value;
    }

    private async Task<int> RatingsAsync(Guid entryId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().EntryRatings.CountAsync(rating => rating.EntryId == new EntryId(entryId));
    }
}
