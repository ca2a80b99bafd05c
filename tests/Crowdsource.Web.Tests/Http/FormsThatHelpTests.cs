using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Crowdsource.Domain.Challenges;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Issue 13, "forms that help": a form reports every problem at once, on its field and in the summary, with what was
/// typed kept (passwords excepted, and the page says so); the currency is chosen from the platform's list; the brief
/// can be previewed; the slug is suggested; a brand starts a new challenge from an earlier one of its own only.
/// </summary>
public sealed class FormsThatHelpTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    private static string? FieldError(IHtmlDocument page, string field) =>
        page.QuerySelector($".invalid-feedback[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } message ? message : null;

    private static string[] Summary(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#form-errors li").Select(item => item.TextContent.Trim())];

    [Fact]
    public async Task Registration_with_several_problems_shows_every_message_at_once_and_keeps_what_was_typed_but_the_passwords()
    {
        var response = await Forms.SubmitAsync(Client(), "/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ana Lucía",
            ["Input.Email"] = "not an address",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "shorter",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var email = FieldError(page, "Input.Email");
        var password = FieldError(page, "Input.Password");
        var mismatch = FieldError(page, "Input.ConfirmPassword");
        Assert.NotNull(email);
        Assert.NotNull(password);
        Assert.Equal("The two passwords are not the same.", mismatch);
        Assert.Contains(email, Summary(page));
        Assert.Contains(mismatch, Summary(page));
        Assert.Equal("Ana Lucía", ((IHtmlInputElement)page.QuerySelector("#Input_DisplayName")!).Value);
        Assert.Equal("not an address", ((IHtmlInputElement)page.QuerySelector("#Input_Email")!).Value);
        Assert.Equal(string.Empty, ((IHtmlInputElement)page.QuerySelector("#Input_Password")!).Value);
        Assert.Equal(string.Empty, ((IHtmlInputElement)page.QuerySelector("#Input_ConfirmPassword")!).Value);
        Assert.Contains("except the passwords", page.QuerySelector("#passwords-not-kept")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_reports_only_the_mismatch_when_everything_else_is_right()
    {
        var response = await Forms.SubmitAsync(Client(), "/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ana",
            ["Input.Email"] = $"ana.{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = "violet kettles hum softly",
            ["Input.ConfirmPassword"] = "violet kettles hum softy",
        });

        var page = await Forms.ParseAsync(response);
        Assert.Equal(["The two passwords are not the same."], Summary(page));
    }

    [Fact]
    public async Task The_challenge_form_reports_a_bad_currency_and_a_negative_prize_in_one_save()
    {
        var (member, _, challengeId) = await DraftAsync();

        var response = await BrandPages.PostChallengeFormAsync(member, challengeId, new Dictionary<string, string>
        {
            ["Input.Title"] = "Two problems",
            ["Input.Currency"] = "XXX",
            ["Input.PrizeAmounts[0]"] = "-5",
            ["Input.Visibility"] = "Public",
            ["Input.MaximumEntriesPerCreative"] = "3",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.NotNull(FieldError(page, "Input.Currency"));
        Assert.NotNull(FieldError(page, "Input.PrizeAmounts"));
        Assert.Equal(2, Summary(page).Length);
        Assert.Equal("Two problems", ((IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);
        Assert.Equal("-5", ((IHtmlInputElement)page.QuerySelector("#prize-0")!).Value);
    }

    [Fact]
    public async Task The_currency_is_chosen_from_the_platform_list_named_in_french_and_a_lower_case_code_is_understood()
    {
        var (member, _, challengeId) = await DraftAsync();
        await Forms.SubmitAsync(member, "/", new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "/" }, action: "/Language");

        var form = await Forms.ParseAsync(await member.GetAsync(new Uri($"/Challenges/Edit/{challengeId}", UriKind.Relative)));
        var options = form.QuerySelectorAll("select#Input_Currency option").Cast<IHtmlOptionElement>().ToList();
        Assert.Equal(Domain.Common.Money.SupportedCurrencies, options.Select(option => option.Value));
        Assert.Contains(options, option => option.Text == "CHF · Franc suisse");

        var saved = await BrandPages.PostChallengeFormAsync(member, challengeId, new Dictionary<string, string>
        {
            ["Input.Title"] = "Lower case",
            ["Input.Currency"] = "chf",
            ["Input.PrizeAmounts[0]"] = "2500",
            ["Input.Visibility"] = "Public",
            ["Input.MaximumEntriesPerCreative"] = "3",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("CHF", (await LoadAsync(challengeId)).PrizeCurrency);
    }

    [Fact]
    public async Task The_brief_preview_is_rendered_by_the_sanitising_renderer_of_the_challenge_page()
    {
        var (member, _, challengeId) = await DraftAsync();

        var response = await BrandPages.PostAsync(member, $"/Challenges/Edit/{challengeId}?handler=Preview", new Dictionary<string, string>
        {
            ["Input.Brief"] = "## Our bottle\n\nA **refillable** one. <script>alert(1)</script> [x](javascript:alert(2))",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<strong>refillable</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_slug_is_suggested_from_the_name_by_the_server_rule_and_filled_in_when_left_blank()
    {
        var member = await SignedInAsync(await factory.AccountAsync());
        var suggestion = await member.GetAsync(new Uri("/Brands/New?handler=Slug&name=" + Uri.EscapeDataString("Crème Brûlée & Co"), UriKind.Relative));
        using (var json = JsonDocument.Parse(await suggestion.Content.ReadAsStringAsync()))
        {
            Assert.Equal("creme-brulee-co", json.RootElement.GetProperty("slug").GetString());
        }

        var name = $"Maison Été {Guid.NewGuid():N}"[..24];
        var created = await Forms.SubmitAsync(member, "/Brands/New", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Slug"] = string.Empty,
            ["Input.Description"] = "Summer things.",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var workspace = await Forms.ParseAsync(await member.GetAsync(new Uri(created.Headers.Location!.OriginalString, UriKind.Relative)));
        Assert.NotNull(workspace.QuerySelector($"a[href='/b/{Domain.Common.Slug.From(name)}']"));
    }

    [Fact]
    public async Task A_logo_sent_with_a_form_that_comes_back_with_an_error_is_kept_and_becomes_the_brand_logo()
    {
        var member = await SignedInAsync(await factory.AccountAsync());
        var slug = $"kept-{Guid.NewGuid():N}"[..20];

        var refused = await Forms.UploadAsync(member, "/Brands/New", "/Brands/New",
            new Dictionary<string, string> { ["Input.Name"] = "Kept Logo", ["Input.Slug"] = slug, ["Input.Website"] = "not a website" },
            ("Input.Logo", "kept.png", Crowdsource.TestSupport.TestFiles.Png(64, 64, seed: 5), "image/png"));

        var page = await Forms.ParseAsync(refused);
        Assert.NotNull(FieldError(page, "Input.Website"));
        Assert.Contains("Your logo “kept.png” is kept", page.QuerySelector("[data-kept-upload-note]")!.TextContent, StringComparison.Ordinal);
        var kept = ((IHtmlInputElement)page.QuerySelector("input[type=hidden][name='Input.LogoUpload']")!).Value;

        var created = await Forms.SubmitAsync(member, "/Brands/New", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kept Logo", ["Input.Slug"] = slug, ["Input.Website"] = "https://kept.example", ["Input.LogoUpload"] = kept,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var logo = await member.GetAsync(new Uri($"/b/{slug}/logo", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.StartsWith("image/", logo.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brand_starts_a_new_draft_from_its_own_challenge_with_the_same_criteria_and_prizes()
    {
        var (member, brandId, challengeId) = await DraftAsync();
        var filled = await BrandPages.PostChallengeFormAsync(member, challengeId,
            BrandPages.CompleteChallenge("The bottle of tomorrow", "bottle", DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Redirect, filled.StatusCode);

        var fromEdit = await BrandPages.PostAsync(member, $"/Challenges/Edit/{challengeId}?handler=Copy", new Dictionary<string, string>());
        var fromWorkspace = await BrandPages.PostAsync(member, $"/Brands/Workspace/{brandId}?handler=CopyChallenge",
            new Dictionary<string, string> { ["challengeId"] = challengeId.ToString() });

        var original = await LoadAsync(challengeId);
        foreach (var response in (HttpResponseMessage[])[fromEdit, fromWorkspace])
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var copyId = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0]);
            Assert.NotEqual(challengeId, copyId);
            var copy = await LoadAsync(copyId);
            Assert.Equal(ChallengeStatus.Draft, copy.Status);
            Assert.Equal(original.BrandId, copy.BrandId);
            Assert.Equal(original.Brief, copy.Brief);
            Assert.Equal(original.Criteria, copy.Criteria);
            Assert.Equal(original.PrizeTiers, copy.PrizeTiers);
            Assert.Equal(original.LicenceVersionId, copy.LicenceVersionId);
            Assert.Null(copy.SubmissionDeadline);
            Assert.Null(copy.SubmissionOpensAt);
        }

        var editPage = await Forms.ParseAsync(await member.GetAsync(fromEdit.Headers.Location));
        Assert.Contains("A new draft was started from the earlier challenge", editPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2000", ((IHtmlInputElement)editPage.QuerySelector("#prize-0")!).Value);
    }

    [Fact]
    public async Task Another_brand_cannot_copy_a_challenge_it_does_not_own()
    {
        var (_, _, challengeId) = await DraftAsync();
        var (stranger, strangerBrand, _) = await DraftAsync();
        var before = await CountAsync();

        var fromEdit = await BrandPages.PostAsync(stranger, $"/Challenges/Edit/{challengeId}?handler=Copy", new Dictionary<string, string>());
        var fromWorkspace = await BrandPages.PostAsync(stranger, $"/Brands/Workspace/{strangerBrand}?handler=CopyChallenge",
            new Dictionary<string, string> { ["challengeId"] = challengeId.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, fromEdit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromWorkspace.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<(HttpClient Member, Guid BrandId, Guid ChallengeId)> DraftAsync()
    {
        var member = await SignedInAsync(await factory.AccountAsync());
        var brandId = await BrandPages.CreateBrandAsync(member, "Verre Vivant");
        var challengeId = await BrandPages.StartDraftAsync(member, brandId, "A draft");
        return (member, brandId, challengeId);
    }

    private async Task<Challenge> LoadAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Challenges.AsNoTracking()
            .SingleAsync(candidate => candidate.Id == new ChallengeId(id));
    }

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Challenges.CountAsync();
    }
}
