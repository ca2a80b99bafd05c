using System.Net;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crowdsource.Web.Tests.Http;

public sealed class CreativeProfileTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    [Fact]
    public async Task A_creative_adds_a_picture_and_the_public_profile_shows_name_bio_and_picture_but_never_the_email()
    {
        var account = await factory.AccountAsync();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(client, account);
        var picture = TestFiles.Png(64, 64, seed: 51);

        var saved = await Forms.UploadAsync(client, "/Account/Manage", "/Account/Manage",
            new Dictionary<string, string> { ["Input.DisplayName"] = "Camille Martin", ["Input.Bio"] = "Packaging designer.", ["Input.PreferredCulture"] = "en" },
            ("Input.Avatar", "camille.png", picture, "image/png"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var profileLink = (await Forms.ParseAsync(await client.GetAsync(new Uri("/Account/Manage", UriKind.Relative))))
            .QuerySelector("a[href^='/c/']")!.GetAttribute("href")!;

        var visitor = factory.CreateClient();
        var page = await (await visitor.GetAsync(new Uri(profileLink, UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("Camille Martin", page, StringComparison.Ordinal);
        Assert.Contains("Packaging designer.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Email, page, StringComparison.OrdinalIgnoreCase);
        var avatar = await visitor.GetAsync(new Uri(profileLink + "/avatar", UriKind.Relative));
        Assert.Equal("image/png", avatar.Content.Headers.ContentType!.MediaType);
        Assert.Equal(picture, await avatar.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri("/c/no-such-person", UriKind.Relative))).StatusCode);
    }
}
