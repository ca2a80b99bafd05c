using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// The inputs that answered 500, or were silently reset while the form said "Saved": each now answers the friendly
/// 400 page (a link) or shows the form again with a message on the field, in the visitor's language, saving nothing.
/// </summary>
public sealed class BadInputTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private const string BadRequestTitle = "This request could not be understood";

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task A_search_link_as_of_a_moment_with_an_offset_lists_the_challenges()
    {
        var response = await Client().GetAsync(new Uri("/Challenges?asof=2020-01-01T00:00:00%2B02:00", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Challenges?p=2147483647")]
    [InlineData("/Challenges?p=2147483647&sort=Prize")]
    [InlineData("/Challenges?p=-2147483648")]
    [InlineData("/Winners?p=2147483647")]
    public async Task A_page_number_far_past_the_end_shows_a_page_of_the_list(string link)
    {
        // Each binds as a number; its offset (page - 1) x page size once overflowed into a negative one (a 500).
        var response = await Client().GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Challenges?q=%00")]
    [InlineData("/Challenges?q=tea%07")]
    [InlineData("/Challenges?brand=%1B%5B31m")]
    [InlineData("/Challenges?asof=0001-01-01T00:00:00%2B02:00")]
    [InlineData("/Challenges?asof=9999-12-31T23:59:59-05:00")]
    [InlineData("/Challenges?min=NaN")]
    [InlineData("/Challenges?max=1e30")]
    [InlineData("/Challenges?p=99999999999")]
    [InlineData("/Challenges?category=Bogus")]
    [InlineData("/Challenges?phase=999")]
    public async Task A_link_with_a_value_the_site_cannot_use_answers_the_friendly_400_page(string link)
    {
        var response = await Client().GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(BadRequestTitle, (await Forms.ParseAsync(response)).QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("en", "Input.Title", "Tea\u0007 time", "Input.Title", "Title contains characters that are not allowed (control characters).")]
    [InlineData("fr", "Input.Title", "Tea\u001b[31m time", "Input.Title", "Titre contient des caractères non autorisés (caractères de contrôle).")]
    [InlineData("en", "Input.Brief", "A brief\u0001", "Input.Brief", "Brief contains characters that are not allowed (control characters).")]
    [InlineData("en", "Input.Title", "Logo \u202Egnp.exe", "Input.Title", "Title contains characters that are not allowed (control characters).")]
    [InlineData("fr", "Input.Title", "Logo \u2067abc\u2069", "Input.Title", "Titre contient des caractères non autorisés (caractères de contrôle).")]
    [InlineData("en", "Input.PrizeAmounts[0]", "NaN", "Input.PrizeAmounts", "This value is not valid.")]
    [InlineData("fr", "Input.PrizeAmounts[0]", "1e30", "Input.PrizeAmounts", "Cette valeur n’est pas valide.")]
    [InlineData("en", "Input.PrizeAmounts[1]", "Infinity", "Input.PrizeAmounts", "This value is not valid.")]
    [InlineData("en", "Input.MaximumEntriesPerCreative", "99999999999", "Input.MaximumEntriesPerCreative", "The value given for Entries per creative is not valid.")]
    [InlineData("fr", "Input.MaximumEntriesPerCreative", "99999999999", "Input.MaximumEntriesPerCreative", "La valeur saisie pour Projets par créatif n’est pas valide.")]
    [InlineData("en", "Input.Visibility", "999", "Input.Visibility", "This value is not valid.")]
    [InlineData("en", "Input.Category", "Bogus", "Input.Category", "The value given for Category is not valid.")]
    [InlineData("fr", "Input.Category", "Bogus", "Input.Category", "La valeur saisie pour Catégorie n’est pas valide.")]
    [InlineData("en", "Input.Criteria[0].Weight", "1e30", "Input.Criteria", "The value given for Weight (%) is not valid.")]
    [InlineData("fr", "Input.Criteria[0].Weight", "NaN", "Input.Criteria", "La valeur saisie pour Poids (%) n’est pas valide.")]
    [InlineData("en", "Input.OpensAt", "0001-01-01T00:00", "Input.OpensAt", "Submissions open must be a date between 2000 and 2100.")]
    [InlineData("fr", "Input.OpensAt", "0001-01-01T00:00", "Input.OpensAt", "Ouverture des soumissions doit être une date comprise entre 2000 et 2100.")]
    [InlineData("en", "Input.JudgingDeadline", "9999-12-31T23:59", "Input.JudgingDeadline", "Judging deadline must be a date between 2000 and 2100.")]
    [InlineData("en", "Input.Deadline", "next Tuesday", "Input.Deadline", "Submission deadline must be a date between 2000 and 2100.")]
    public async Task The_challenge_form_shows_a_value_it_cannot_use_on_its_field_and_saves_nothing(
        string language, string field, string value, string messageFor, string message)
    {
        var (client, challengeId) = await BrandMemberWithDraftAsync(language);
        var fields = BrandPages.CompleteChallenge("A title that must not be saved", "box", DateTimeOffset.UtcNow);
        fields[field] = value;

        var response = await BrandPages.PostChallengeFormAsync(client, challengeId, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector($"[data-valmsg-for='{messageFor}']")?.TextContent);
        Assert.Contains(message, page.QuerySelector("#form-errors")?.TextContent, StringComparison.Ordinal);
        var saved = await SavedAsync(challengeId);
        Assert.Equal("Draft to keep", saved.Title);
        Assert.Empty(saved.PrizeTiers);
    }

    [Fact]
    public async Task A_nul_byte_in_an_encoded_form_gets_the_friendly_400_page_and_saves_nothing()
    {
        var (client, challengeId) = await BrandMemberWithDraftAsync("en");
        var fields = BrandPages.CompleteChallenge("Tea\0 time", "box", DateTimeOffset.UtcNow);

        var response = await BrandPages.PostChallengeFormAsync(client, challengeId, fields);

        // The framework's form reader refuses %00 for the whole body, before any field is bound.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(BadRequestTitle, (await Forms.ParseAsync(response)).QuerySelector("h1")?.TextContent);
        Assert.Equal("Draft to keep", (await SavedAsync(challengeId)).Title);
    }

    [Fact]
    public async Task A_nul_byte_in_a_multipart_form_field_is_shown_on_the_form_and_creates_nothing()
    {
        var client = Client();
        var account = await factory.AccountAsync();
        await Forms.SignInAsync(client, account);
        var slug = $"nul-{Guid.NewGuid():N}"[..20];

        var response = await Forms.UploadAsync(client, "/Brands/New", "/Brands/New", new Dictionary<string, string>
        {
            ["Input.Name"] = "Nul\0 Lab",
            ["Input.Slug"] = slug,
            ["Input.Description"] = "Makes things.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("contains characters that are not allowed (control characters)",
            (await Forms.ParseAsync(response)).QuerySelector("#form-errors")?.TextContent, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Brands.AnyAsync(brand => brand.Slug == slug));
    }

    [Fact]
    public async Task A_form_posted_with_more_fields_than_the_form_limit_gets_the_friendly_400_page()
    {
        var client = Client();
        var token = await BrandPages.TokenAsync(client, "/Account/Login");
        var fields = Enumerable.Range(0, 1100).Select(index => new KeyValuePair<string, string>($"f{index}", "x"))
            .Prepend(new KeyValuePair<string, string>("__RequestVerificationToken", token));

        var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(BadRequestTitle, (await Forms.ParseAsync(response)).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_form_value_over_the_length_limit_gets_the_friendly_400_page()
    {
        var client = Client();
        var token = await BrandPages.TokenAsync(client, "/Account/Login");
        using var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&Input.Email={new string('a', 5 * 1024 * 1024)}",
            Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(BadRequestTitle, (await Forms.ParseAsync(response)).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_multipart_body_cut_short_gets_the_friendly_400_page()
    {
        var client = Client();
        await Forms.SignInAsync(client, await factory.AccountAsync());
        var token = await BrandPages.TokenAsync(client);
        var body = $"--cut\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n"
            + "--cut\r\nContent-Disposition: form-data; name=\"Input.Name\"\r\n\r\nHalf a bra";
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");

        var response = await client.PostAsync(new Uri("/Brands/New", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(BadRequestTitle, (await Forms.ParseAsync(response)).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_malformed_multipart_body_gets_the_friendly_400_page()
    {
        var client = Client();
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("this is not multipart at all"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=nowhere");

        var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(BadRequestTitle, (await Forms.ParseAsync(response)).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task The_error_page_for_a_refused_post_speaks_french_to_a_french_visitor()
    {
        var client = Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nbroken"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");

        var response = await client.PostAsync(new Uri("/Account/Register", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Cette demande n’a pas pu être comprise", (await Forms.ParseAsync(response)).QuerySelector("h1")?.TextContent);
    }

    private async Task<Domain.Challenges.Challenge> SavedAsync(Guid challengeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Challenges.AsNoTracking()
            .SingleAsync(challenge => challenge.Id == new Domain.Challenges.ChallengeId(challengeId));
    }

    /// <summary>
    /// A signed-in brand member (in the given language, in Paris, so dates typed in the form are converted with an
    /// offset) and a draft of their brand titled "Draft to keep".
    /// </summary>
    private async Task<(HttpClient Client, Guid ChallengeId)> BrandMemberWithDraftAsync(string language)
    {
        var cookies = new CookieContainer();
        cookies.Add(new Uri("http://localhost"), new Cookie("tz", "Europe/Paris"));
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        await Forms.SignInAsync(client, await factory.AccountAsync());
        var brandId = await BrandPages.CreateBrandAsync(client, "Hostile Lab");
        var challengeId = await BrandPages.StartDraftAsync(client, brandId, "Draft to keep");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return (client, challengeId);
    }
}
