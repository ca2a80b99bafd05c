using System.Net;
using Crowdsource.Domain.Challenges;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// A brief within its length that the Markdown renderer cannot take (elements nested past its depth limit) is shown as
/// the text typed, in the form's preview and on the challenge page, instead of an error page for every visitor.
/// </summary>
public sealed class BriefRenderingTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    public static TheoryData<string, string> TooDeep => new() { { "[a", "[a[a[a" }, { "> ", "&gt; &gt; &gt;" }, { "![", "![![![" } };

    private static string Brief(string unit) => string.Concat(Enumerable.Repeat(unit, Challenge.BriefMaximumLength / unit.Length)).Trim();

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task The_preview_shows_a_brief_nested_too_deep_as_text(string unit, string shown)
    {
        var owner = await factory.AccountAsync();
        var challenge = await OpenChallenges.CreateAsync(factory, owner);

        var preview = await PreviewAsync(owner, challenge, Brief(unit));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains(shown, await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_member_of_the_challenges_brand_may_preview_its_brief()
    {
        var owner = await factory.AccountAsync();
        var challenge = await OpenChallenges.CreateAsync(factory, owner);

        Assert.Equal(HttpStatusCode.OK, (await PreviewAsync(owner, challenge, "**Bold** idea")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PreviewAsync(await factory.AccountAsync(), challenge, "**Bold** idea")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PreviewAsync(owner, $"/Challenges/{Guid.NewGuid()}", "**Bold** idea")).StatusCode);
    }

    private async Task<HttpResponseMessage> PreviewAsync(TestAccount account, string challengePage, string brief)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(client, account);
        var token = (await Forms.ParseAsync(await client.GetAsync(new Uri("/Account/Manage", UriKind.Relative))))
            .QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await client.PostAsync(new Uri($"/Challenges/Edit/{challengePage.Split('/')[^1]}?handler=Preview", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Brief"] = brief, ["__RequestVerificationToken"] = token }));
    }

    [Fact]
    public async Task The_challenge_page_shows_a_brief_nested_too_deep_as_text()
    {
        var page = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var id = new ChallengeId(Guid.Parse(page.Split('/')[^1]));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var brief = Brief("[a");
            await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Challenges
                .Where(challenge => challenge.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(challenge => challenge.Brief, brief));
        }

        var response = await factory.CreateClient().GetAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("[a[a[a", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
