using System.Net;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crowdsource.Web.Tests.Http;

/// <summary>Entries over HTTP: explicit consent, files checked by content and size, and nobody else's entry by URL.</summary>
public sealed class EntryTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync()
    {
        var client = Client();
        await Forms.SignInAsync(client, await factory.AccountAsync());
        return client;
    }

    private static Dictionary<string, string> Fields(bool consent = true) => new()
    {
        ["Input.Title"] = "Oolong dreams",
        ["Input.Description"] = "A name and a label.",
        ["Input.AcceptLicence"] = consent ? "true" : "false",
        ["Input.DeclareOriginal"] = consent ? "true" : "false",
    };

    /// <summary>Fills the entry form of <paramref name="challenge"/> as the page gives it (hidden key and licence version included).</summary>
    private static async Task<HttpResponseMessage> EnterAsync(HttpClient client, string challenge, Dictionary<string, string> fields,
        params (string Field, string FileName, byte[] Content, string ClaimedType)[] files)
    {
        var form = $"{challenge}/enter";
        var page = await Forms.ParseAsync(await client.GetAsync(new Uri(form, UriKind.Relative)));
        foreach (var hidden in new[] { "Input.SubmissionKey", "Input.LicenceVersionId" })
        {
            fields[hidden] = page.QuerySelector($"input[name='{hidden}']")!.GetAttribute("value")!;
        }

        return await Forms.UploadAsync(client, form, form, fields, files);
    }

    private static (string, string, byte[], string) Image(string name, int seed = 1) => ("Input.Files", name, TestFiles.Png(seed: seed), "image/png");

    [Fact]
    public async Task A_creative_enters_with_two_images_and_sees_the_entry_and_its_receipt()
    {
        var challenge = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var chloe = await SignedInAsync();
        var front = TestFiles.Png(seed: 1);

        var response = await EnterAsync(chloe, challenge, Fields(), ("Input.Files", "front.png", front, "image/png"), Image("back.png", 2));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entryPage = response.Headers.Location!.OriginalString;
        var page = await Forms.ParseAsync(await chloe.GetAsync(new Uri(entryPage, UriKind.Relative)));
        Assert.Equal("Oolong dreams", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(TestFiles.Sha256(front), page.QuerySelector("#receipt-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var original = page.QuerySelector(".entry-files figcaption a")!.GetAttribute("href")!;
        var download = await chloe.GetAsync(new Uri(original, UriKind.Relative));
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(front, await download.Content.ReadAsByteArrayAsync());
        var preview = await chloe.GetAsync(new Uri(page.QuerySelector(".entry-files img")!.GetAttribute("src")!, UriKind.Relative));
        Assert.Equal("image/jpeg", preview.Content.Headers.ContentType!.MediaType);
        Assert.Contains("1", (await Forms.ParseAsync(await Client().GetAsync(new Uri(challenge, UriKind.Relative))))
            .QuerySelectorAll(".challenge-dates dd")[3].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_creative_or_a_visitor_cannot_read_the_entry_or_its_files_nor_withdraw_it()
    {
        var challenge = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var chloe = await SignedInAsync();
        var entryPage = (await EnterAsync(chloe, challenge, Fields(), Image("front.png"))).Headers.Location!.OriginalString;
        var fileUrl = (await Forms.ParseAsync(await chloe.GetAsync(new Uri(entryPage, UriKind.Relative)))).QuerySelector(".entry-files a")!.GetAttribute("href")!;
        var other = await SignedInAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(entryPage, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(fileUrl, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync(new Uri(entryPage, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync(new Uri(fileUrl, UriKind.Relative))).StatusCode);

        var token = (await Forms.ParseAsync(await other.GetAsync(new Uri("/Entries", UriKind.Relative))))
            .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var withdraw = await other.PostAsync(new Uri($"{entryPage}?handler=Withdraw", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["confirmed"] = "true" }));
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Contains("Submitted", (await Forms.ParseAsync(await chloe.GetAsync(new Uri(entryPage, UriKind.Relative)))).QuerySelector(".badge")!.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_consent_is_refused_with_a_message_on_each_box()
    {
        var challenge = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var chloe = await SignedInAsync();

        var response = await EnterAsync(chloe, challenge, Fields(consent: false), Image("front.png"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("[data-valmsg-for='Input.AcceptLicence']"));
        Assert.NotNull(page.QuerySelector("[data-valmsg-for='Input.DeclareOriginal']"));
        Assert.Equal("Oolong dreams", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Null((await Forms.ParseAsync(await chloe.GetAsync(new Uri("/Entries", UriKind.Relative)))).QuerySelector("table"));
    }

    [Fact]
    public async Task A_file_that_lies_about_its_type_is_refused_on_the_files_field()
    {
        var challenge = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var chloe = await SignedInAsync();

        var response = await EnterAsync(chloe, challenge, Fields(), ("Input.Files", "holiday.png", TestFiles.HtmlWithScript(), "image/png"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("holiday.png is not a file we accept here",
            (await Forms.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.Files']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_configured_size_is_refused_with_the_limit_in_the_message()
    {
        using var small = factory.WithWebHostBuilder(builder => builder.UseSetting("Crowdsource:Files:EntryFileMaximumBytes", "100000"));
        var client = small.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var owner = await factory.AccountAsync();
        var challenge = await OpenChallenges.CreateAsync(factory, owner);
        await Forms.SignInAsync(client, await factory.AccountAsync());

        var response = await EnterAsync(client, challenge, Fields(), ("Input.Files", "huge.png", TestFiles.Png(300, 300), "image/png"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("97.7 KB", (await Forms.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.Files']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_creative_downloads_all_their_data_as_a_zip_with_their_entry_files_and_acceptance_records()
    {
        var challenge = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var account = await factory.AccountAsync();
        var chloe = Client();
        await Forms.SignInAsync(chloe, account);
        var front = TestFiles.Png(seed: 5);
        await EnterAsync(chloe, challenge, Fields(), ("Input.Files", "front.png", front, "image/png"));

        var response = await chloe.GetAsync(new Uri("/Account/Manage/Data?handler=Export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(entry => entry.FullName).ToList();
        using (var profile = new StreamReader(zip.GetEntry("profile.json")!.Open()))
        {
            Assert.Contains(account.Email, await profile.ReadToEndAsync(), StringComparison.Ordinal);
        }

        var entryJson = zip.Entries.Single(entry => entry.FullName.EndsWith("/entry.json", StringComparison.Ordinal));
        using (var reader = new StreamReader(entryJson.Open()))
        {
            var text = await reader.ReadToEndAsync();
            Assert.Contains("licenceTextSha256", text, StringComparison.Ordinal);
            Assert.Contains(TestFiles.Sha256(front), text, StringComparison.Ordinal);
        }

        var file = zip.Entries.Single(entry => entry.FullName.EndsWith("/files/1-front.png", StringComparison.Ordinal));
        using var copy = new MemoryStream();
        await file.Open().CopyToAsync(copy);
        Assert.Equal(front, copy.ToArray());
        Assert.Contains("questions.json", names);
        Assert.Equal(HttpStatusCode.Redirect, (await Client().GetAsync(new Uri("/Account/Manage/Data?handler=Export", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_signs_out_and_the_old_password_no_longer_opens_it()
    {
        var account = await factory.AccountAsync();
        var client = Client();
        await Forms.SignInAsync(client, account);

        var wrong = await Forms.SubmitAsync(client, "/Account/Manage/Data", new Dictionary<string, string> { ["Input.Password"] = "not it" },
            action: "/Account/Manage/Data?handler=Delete");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(wrong)).QuerySelector("[data-valmsg-for='Input.Password']"));

        var deleted = await Forms.SubmitAsync(client, "/Account/Manage/Data", new Dictionary<string, string> { ["Input.Password"] = account.Password },
            action: "/Account/Manage/Data?handler=Delete");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/Account/Manage/Data", UriKind.Relative))).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Forms.SignInAsync(Client(), account));
    }

    [Fact]
    public async Task The_brand_is_told_on_the_entry_page_that_it_cannot_enter_its_own_challenge()
    {
        var owner = await factory.AccountAsync();
        var challenge = await OpenChallenges.CreateAsync(factory, owner);
        var brand = Client();
        await Forms.SignInAsync(brand, owner);

        var page = await Forms.ParseAsync(await brand.GetAsync(new Uri($"{challenge}/enter", UriKind.Relative)));

        Assert.Contains("you cannot enter it", page.QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name='Input.Files']"));
    }
}
