using System.Net;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crowdsource.Web.Tests.Http;

/// <summary>Brand logos and files for creatives over HTTP: checked by content, served so that they cannot run.</summary>
public sealed class ChallengeFilesTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A signed-in account that created a brand with a logo and started a draft; returns the draft's id.</summary>
    private async Task<(HttpClient Brand, string Slug, byte[] Logo, string ChallengeId, string Workspace)> BrandWithDraftAsync()
    {
        var client = Client();
        await Forms.SignInAsync(client, await factory.AccountAsync());
        var slug = $"lab-{Guid.NewGuid():N}"[..20];
        var logo = TestFiles.Png(48, 48);
        var created = await Forms.UploadAsync(client, "/Brands/New", "/Brands/New",
            new Dictionary<string, string> { ["Input.Name"] = "Files Lab", ["Input.Slug"] = slug },
            ("Input.Logo", "logo.png", logo, "image/png"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var workspace = created.Headers.Location!.OriginalString;

        var draft = await Forms.SubmitAsync(client, workspace, new Dictionary<string, string> { ["NewChallengeTitle"] = "Wrapper" },
            action: workspace + "?handler=NewChallenge");
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        return (client, slug, logo, draft.Headers.Location!.OriginalString.Split('/')[^1], workspace);
    }

    [Fact]
    public async Task A_brand_logo_is_public_and_served_as_the_image_it_is()
    {
        var (_, slug, logo, _, _) = await BrandWithDraftAsync();

        var response = await Client().GetAsync(new Uri($"/b/{slug}/logo", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(logo, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains($"/b/{slug}/logo", await (await Client().GetAsync(new Uri($"/b/{slug}", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_for_creatives_downloads_as_an_attachment_and_only_for_those_who_may_see_the_challenge()
    {
        var (brand, _, _, id, _) = await BrandWithDraftAsync();
        var pdf = TestFiles.Pdf();
        var filesPage = $"/Challenges/Edit/{id}/files";

        var added = await Forms.UploadAsync(brand, filesPage, filesPage + "?handler=Add", new Dictionary<string, string>(),
            ("Input.File", "Brand guidelines 2026.pdf", pdf, "application/octet-stream"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var link = (await Forms.ParseAsync(await brand.GetAsync(new Uri(filesPage, UriKind.Relative))))
            .QuerySelector("a[href*='/files/']")!.GetAttribute("href")!;

        var download = await brand.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Brand guidelines 2026.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // The challenge is a draft: nobody outside the brand learns it or its files exist.
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        var stranger = Client();
        await Forms.SignInAsync(stranger, await factory.AccountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri(filesPage, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Removing_a_file_for_creatives_asks_first_then_removes_it()
    {
        var (brand, _, _, id, _) = await BrandWithDraftAsync();
        var filesPage = $"/Challenges/Edit/{id}/files";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.UploadAsync(brand, filesPage, filesPage + "?handler=Add", new Dictionary<string, string>(),
            ("Input.File", "guidelines.pdf", TestFiles.Pdf(), "application/pdf"))).StatusCode);
        var page = await Forms.ParseAsync(await brand.GetAsync(new Uri(filesPage, UriKind.Relative)));
        var link = page.QuerySelector("a[href*='/files/']")!.GetAttribute("href")!;
        var assetId = page.QuerySelector("input[name='assetId']")!.GetAttribute("value")!;
        var remove = new Dictionary<string, string> { ["assetId"] = assetId };

        await Confirmations.AssertAsksToConfirmAsync(await Forms.SubmitAsync(brand, filesPage, remove, $"{filesPage}?handler=Remove"), "Yes, remove this file");
        Assert.Equal(HttpStatusCode.OK, (await brand.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);

        remove["confirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(brand, filesPage, remove, $"{filesPage}?handler=Remove")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await brand.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_web_page_named_like_an_image_is_refused_with_a_message_on_the_file_field()
    {
        var (brand, _, _, id, _) = await BrandWithDraftAsync();
        var filesPage = $"/Challenges/Edit/{id}/files";

        var response = await Forms.UploadAsync(brand, filesPage, filesPage + "?handler=Add", new Dictionary<string, string>(),
            ("Input.File", "photo.png", TestFiles.HtmlWithScript(), "image/png"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("photo.png is not a file we accept here", page.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href*='/files/']"));
    }

    [Fact]
    public async Task A_stranger_cannot_add_a_file_to_another_brand_s_challenge()
    {
        var (brand, _, _, id, _) = await BrandWithDraftAsync();
        var filesPage = $"/Challenges/Edit/{id}/files";
        var token = (await Forms.ParseAsync(await brand.GetAsync(new Uri(filesPage, UriKind.Relative))))
            .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var stranger = Client();
        await Forms.SignInAsync(stranger, await factory.AccountAsync());
        var strangerToken = (await Forms.ParseAsync(await stranger.GetAsync(new Uri("/Brands/New", UriKind.Relative))))
            .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        Assert.NotEqual(token, strangerToken);

        using var content = new MultipartFormDataContent
        {
            { new StringContent(strangerToken), "__RequestVerificationToken" },
            { new ByteArrayContent(TestFiles.Pdf()), "Input.File", "x.pdf" },
        };
        var response = await stranger.PostAsync(new Uri(filesPage + "?handler=Add", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Forms.ParseAsync(await brand.GetAsync(new Uri(filesPage, UriKind.Relative)));
        Assert.Null(page.QuerySelector("a[href*='/files/']"));
    }

    [Fact]
    public async Task An_id_slipped_into_the_form_does_not_move_the_file_to_another_challenge()
    {
        var (brand, _, _, first, workspace) = await BrandWithDraftAsync();
        var firstPage = $"/Challenges/Edit/{first}/files";
        var secondDraft = await Forms.SubmitAsync(brand, workspace, new Dictionary<string, string> { ["NewChallengeTitle"] = "Second" },
            action: workspace + "?handler=NewChallenge");
        var second = secondDraft.Headers.Location!.OriginalString.Split('/')[^1];

        var added = await Forms.UploadAsync(brand, firstPage, firstPage + "?handler=Add", new Dictionary<string, string> { ["Id"] = second },
            ("Input.File", "guide.pdf", TestFiles.Pdf(), "application/pdf"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(await brand.GetAsync(new Uri(firstPage, UriKind.Relative)))).QuerySelector("a[href*='/files/']"));
        Assert.Null((await Forms.ParseAsync(await brand.GetAsync(new Uri($"/Challenges/Edit/{second}/files", UriKind.Relative)))).QuerySelector("a[href*='/files/']"));
    }
}
