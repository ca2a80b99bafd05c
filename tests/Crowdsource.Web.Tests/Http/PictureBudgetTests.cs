using System.Net;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Decompression bombs through every form that stores a picture: refused from the header, before any decoding, with a
/// message in the sender's language and nothing stored; pictures within the budget still get their thumbnails.
/// </summary>
public sealed class PictureBudgetTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    /// <summary>The attacker's file: 20,000 × 20,000 black pixels in a few hundred kilobytes.</summary>
    private static readonly Lazy<byte[]> Bomb = new(() => TestFiles.PngOfZeroRows(20_000, 20_000));

    private async Task<HttpClient> SignedInAsync(string language = "en")
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        await Forms.SignInAsync(client, await factory.AccountAsync());
        return client;
    }

    private async Task<int> StoredFilesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().StoredFiles.CountAsync();
    }

    private static async Task<HttpResponseMessage> EnterAsync(HttpClient client, string challenge, string fileName, byte[] content)
    {
        var form = $"{challenge}/enter";
        var page = await Forms.ParseAsync(await client.GetAsync(new Uri(form, UriKind.Relative)));
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Big picture",
            ["Input.AcceptLicence"] = "true",
            ["Input.DeclareOriginal"] = "true",
        };
        foreach (var hidden in new[] { "Input.SubmissionKey", "Input.LicenceVersionId" })
        {
            fields[hidden] = page.QuerySelector($"input[name='{hidden}']")!.GetAttribute("value")!;
        }

        return await Forms.UploadAsync(client, form, form, fields, ("Input.Files", fileName, content, "image/png"));
    }

    private static async Task<string> FieldMessageAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Forms.ParseAsync(response)).QuerySelector($"[data-valmsg-for='{field}']")!.TextContent;
    }

    [Theory]
    [InlineData("en", "bomb.png is 20,000 × 20,000 pixels; the limit is 50 megapixels and 12,000 pixels on the longer side.")]
    [InlineData("fr", "bomb.png mesure 20\u202F000\u00A0×\u00A020\u202F000\u00A0pixels\u00A0; la limite est de 50\u00A0mégapixels et de 12\u202F000\u00A0pixels sur le plus grand côté.")]
    public async Task An_entry_picture_of_20000_by_20000_pixels_is_refused_in_the_sender_s_language_and_nothing_is_stored(string language, string expected)
    {
        var challenge = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var creative = await SignedInAsync(language);
        var before = await StoredFilesAsync();

        var response = await EnterAsync(creative, challenge, "bomb.png", Bomb.Value);

        Assert.Contains(Normalised(expected), Normalised(await FieldMessageAsync(response, "Input.Files")), StringComparison.Ordinal);
        Assert.Equal(before, await StoredFilesAsync());
        Assert.Null((await Forms.ParseAsync(await creative.GetAsync(new Uri("/Entries", UriKind.Relative)))).QuerySelector("table"));
    }

    [Fact]
    public async Task An_interlaced_16_bit_png_within_the_pixels_but_over_the_decoding_budget_is_refused_and_nothing_is_stored()
    {
        var challenge = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var creative = await SignedInAsync("fr");
        var before = await StoredFilesAsync();
        var picture = TestFiles.PngOfZeroRows(4_000, 3_500); // 14 megapixels: within the budget at 8 bits, not interlaced
        picture[24] = 16; // bit depth
        picture[28] = 1; // Adam7 interlacing

        var response = await EnterAsync(creative, challenge, "deep.png", picture);

        Assert.Contains(Normalised("deep.png est un PNG 16\u00A0bits ou entrelacé de 4\u202F000\u00A0×\u00A03\u202F500\u00A0pixels\u00A0: le décoder demande autant que 56\u00A0mégapixels"),
            Normalised(await FieldMessageAsync(response, "Input.Files")), StringComparison.Ordinal);
        Assert.Equal(before, await StoredFilesAsync());
    }

    [Fact]
    public async Task A_brand_logo_over_the_pixel_budget_is_refused_and_no_brand_is_created()
    {
        var owner = await SignedInAsync();
        var before = await StoredFilesAsync();
        var slug = $"bomb-{Guid.NewGuid():N}"[..20];

        var response = await Forms.UploadAsync(owner, "/Brands/New", "/Brands/New",
            new Dictionary<string, string> { ["Input.Name"] = "Bomb Lab", ["Input.Slug"] = slug }, ("Input.Logo", "logo.png", Bomb.Value, "image/png"));

        Assert.Contains("logo.png is 20,000 × 20,000 pixels", await FieldMessageAsync(response, "Input.Logo"), StringComparison.Ordinal);
        Assert.Equal(before, await StoredFilesAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(new Uri($"/b/{slug}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_profile_picture_over_the_pixel_budget_is_refused_and_the_profile_keeps_no_picture()
    {
        var creative = await SignedInAsync();
        var before = await StoredFilesAsync();

        var response = await Forms.UploadAsync(creative, "/Account/Manage", "/Account/Manage",
            new Dictionary<string, string> { ["Input.DisplayName"] = "Bomb Maker", ["Input.PreferredCulture"] = "en" },
            ("Input.Avatar", "me.png", Bomb.Value, "image/png"));

        Assert.Contains("me.png is 20,000 × 20,000 pixels", await FieldMessageAsync(response, "Input.Avatar"), StringComparison.Ordinal);
        Assert.Equal(before, await StoredFilesAsync());
        Assert.Null((await Forms.ParseAsync(await creative.GetAsync(new Uri("/Account/Manage", UriKind.Relative)))).QuerySelector("#Input_RemoveAvatar"));
    }

    [Fact]
    public async Task A_file_for_creatives_over_the_pixel_budget_is_refused_on_its_field()
    {
        var brand = await SignedInAsync();
        var created = await Forms.UploadAsync(brand, "/Brands/New", "/Brands/New",
            new Dictionary<string, string> { ["Input.Name"] = "Asset Lab", ["Input.Slug"] = $"asset-{Guid.NewGuid():N}"[..20] });
        var workspace = created.Headers.Location!.OriginalString;
        var draft = await Forms.SubmitAsync(brand, workspace, new Dictionary<string, string> { ["NewChallengeTitle"] = "Wrapper" },
            action: workspace + "?handler=NewChallenge");
        var filesPage = $"/Challenges/Edit/{draft.Headers.Location!.OriginalString.Split('/')[^1]}/files";
        var before = await StoredFilesAsync();

        var response = await Forms.UploadAsync(brand, filesPage, filesPage + "?handler=Add", new Dictionary<string, string>(),
            ("Input.File", "moodboard.png", Bomb.Value, "image/png"));

        Assert.Contains("moodboard.png is 20,000 × 20,000 pixels", await FieldMessageAsync(response, "Input.File"), StringComparison.Ordinal);
        Assert.Equal(before, await StoredFilesAsync());
    }

    [Fact]
    public async Task A_large_picture_within_the_budget_is_stored_with_its_thumbnail()
    {
        var challenge = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var creative = await SignedInAsync();
        var picture = TestFiles.PngOfZeroRows(4_000, 3_000); // 12 megapixels, within the budget

        var response = await EnterAsync(creative, challenge, "poster.png", picture);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Forms.ParseAsync(await creative.GetAsync(new Uri(response.Headers.Location!.OriginalString, UriKind.Relative)));
        var preview = await creative.GetAsync(new Uri(page.QuerySelector(".entry-files img")!.GetAttribute("src")!, UriKind.Relative));
        Assert.Equal("image/jpeg", preview.Content.Headers.ContentType!.MediaType);
        using var thumbnail = SKBitmap.Decode(await preview.Content.ReadAsByteArrayAsync());
        Assert.Equal((480, 360), (thumbnail.Width, thumbnail.Height));
        Assert.True(thumbnail.GetPixel(240, 180).Red < 16, "the black picture stays black once reduced");
    }

    /// <summary>French number groups use a narrow no-break space in .NET's data; some systems give a no-break space.</summary>
    private static string Normalised(string text) => text.Replace('\u202F', '\u00A0').ReplaceLineEndings(" ").Trim();
}
