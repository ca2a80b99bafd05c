using System.Net;
using System.Net.Http.Json;
using Crowdsource.Domain.Files;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Infrastructure.Persistence.Availability;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Issue 12, "uploads lost on a blip": files go up in chunks the server keeps in PostgreSQL, so a lost answer, a
/// database blip or another instance costs a chunk at most, never the file. On a PostgreSQL of the test's own, which
/// one test kills between two chunks.
/// </summary>
public sealed class ResumableUploadTests : IAsyncLifetime
{
    private const int Chunk = Upload.ChunkBytes;
    private readonly CrowdsourceWebFactory _site = new();
    private PrivatePostgres _postgres = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PrivatePostgres.StartAsync();
        _site.UseDatabase(_postgres.ConnectionString);
        _ = _site.Server;
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task A_file_sent_in_chunks_once_twice_and_out_of_place_becomes_the_entry_file_byte_for_byte_and_the_upload_is_gone()
    {
        var creative = await CreativeAsync();
        var file = TestFiles.LargePdf((2 * Chunk) + 12_345);

        var id = await StartAsync(creative, "brief.pdf", file.Length);
        await AssertReceivedAsync(await PutAsync(creative, id, file, 0), Chunk);
        // The answer was lost and the browser sends the chunk again: taken once.
        await AssertReceivedAsync(await PutAsync(creative, id, file, 0), Chunk);
        // A chunk from the future is refused with where to carry on.
        var early = await PutAsync(creative, id, file, 2 * Chunk);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await AssertReceivedAsync(early, Chunk);
        await AssertReceivedAsync(await PutAsync(creative, id, file, Chunk), 2 * Chunk);
        await AssertReceivedAsync(await PutAsync(creative, id, file, 2 * Chunk), file.Length);

        var entryPage = await EnterAsync(creative.Client, creative.Challenge, id);

        Assert.Equal(file, await DownloadFirstFileAsync(creative.Client, entryPage));
        Assert.Equal(0, await CountAsync(db => db.Uploads.CountAsync(upload => upload.Id == id)));
        Assert.Equal(0, await CountAsync(db => db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "UploadChunks" WHERE "UploadId" = {id}""").SingleAsync()));
    }

    [Fact]
    public async Task A_database_blip_between_two_chunks_costs_nothing_the_browser_asks_where_to_resume()
    {
        var creative = await CreativeAsync();
        var file = TestFiles.LargePdf(Chunk + 777, seed: 2);
        var id = await StartAsync(creative, "blip.pdf", file.Length);
        await AssertReceivedAsync(await PutAsync(creative, id, file, 0), Chunk);

        await _postgres.KillAsync();
        var lost = await PutAsync(creative, id, file, Chunk);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        Assert.NotNull(lost.Headers.RetryAfter);
        await _postgres.StartAgainAsync();
        await _site.Services.GetRequiredService<DatabaseAvailability>().WaitUntilAsync(down: false);

        var progress = await creative.Client.GetFromJsonAsync<UploadApi.Progress>(new Uri($"/uploads/{id}", UriKind.Relative));
        Assert.Equal(Chunk, progress!.Received);
        await AssertReceivedAsync(await PutAsync(creative, id, file, progress.Received), file.Length);
        var entryPage = await EnterAsync(creative.Client, creative.Challenge, id);
        Assert.Equal(file, await DownloadFirstFileAsync(creative.Client, entryPage));
    }

    [Fact]
    public async Task An_upload_is_its_starters_alone_and_changes_need_the_antiforgery_token()
    {
        var owner = await CreativeAsync();
        var file = TestFiles.LargePdf(1000);
        var id = await StartAsync(owner, "mine.pdf", file.Length);
        var other = await CreativeAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(new Uri($"/uploads/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(other, id, file, 0)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(owner with { Token = "forged" }, id, file, 0)).StatusCode);
        await AssertReceivedAsync(await PutAsync(owner, id, file, 0), file.Length);

        // Someone else's finished upload named in a form: the form says so, and the upload stays its owner's.
        var refused = await EnterAsync(other.Client, other.Challenge, id, expectRedirect: false);
        Assert.Contains("no longer available", refused, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(db => db.Uploads.CountAsync(upload => upload.Id == id)));

        var anonymous = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri($"/uploads/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_file_larger_than_any_form_takes_is_refused_before_a_byte_is_sent_in_the_visitors_language()
    {
        var creative = await CreativeAsync();
        using var request = UploadApi.StartRequest(creative.Token, "huge.mp4", 10L * 1024 * 1024 * 1024);
        request.Headers.AcceptLanguage.ParseAdd("fr");

        using var response = await creative.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<ErrorsAnswer>();
        Assert.Contains(answer!.Errors, message => message.Contains("huge.mp4", StringComparison.Ordinal) && message.Contains("Mo", StringComparison.Ordinal));
    }

    private sealed record ErrorsAnswer(List<string> Errors);

    [Fact]
    public async Task Two_forms_naming_the_same_upload_at_once_make_one_entry_and_tell_the_other_the_file_is_used()
    {
        var creative = await CreativeAsync();
        var picture = TestFiles.Png(64, 48, seed: 5);
        var id = await StartAsync(creative, "twice.png", picture.Length);
        await AssertReceivedAsync(await PutAsync(creative, id, picture, 0), picture.Length);

        var answers = await Task.WhenAll(
            PostEntryAsync(creative.Client, creative.Challenge, id),
            PostEntryAsync(creative.Client, creative.Challenge, id));

        Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.OK);
        Assert.Contains("no longer available", (await Forms.ParseAsync(refused)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await creative.Client.GetAsync(new Uri(creative.Challenge, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Odd_names_and_offsets_get_a_clear_answer_never_a_server_error()
    {
        var creative = await CreativeAsync();
        using (var nul = UploadApi.StartRequest(creative.Token, "a\0b.png", 10))
        {
            var response = await creative.Client.SendAsync(nul);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("control characters", (await response.Content.ReadFromJsonAsync<ErrorsAnswer>())!.Errors.Single(), StringComparison.Ordinal);
        }

        // An emoji where a long name is cut: kept whole or dropped, never half.
        var id = await StartAsync(creative, new string('a', Upload.FileNameMaximumLength - 1) + "\U0001F600.png", 10);
        var negative = await UploadApi.SendChunkAsync(creative.Client, creative.Token, id, -Chunk, new ByteArrayContent(new byte[10]));
        Assert.Equal(HttpStatusCode.Conflict, negative.StatusCode);

        using var asForm = new HttpRequestMessage(HttpMethod.Put, new Uri($"/uploads/{id}?offset=0", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(Enumerable.Range(0, 2000).Select(i => KeyValuePair.Create($"k{i}", "v"))),
        };
        asForm.Headers.Add("X-CSRF-TOKEN", creative.Token);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await creative.Client.SendAsync(asForm)).StatusCode);
    }

    /// <summary>A signed-in creative, an open challenge to enter, and the antiforgery token of its entry form.</summary>
    private sealed record Creative(HttpClient Client, string Challenge, string Token);

    private async Task<Creative> CreativeAsync()
    {
        var challenge = await OpenChallenges.CreateAsync(_site, await _site.AccountAsync());
        var client = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(client, await _site.AccountAsync());
        var form = await Forms.ParseAsync(await client.GetAsync(new Uri($"{challenge}/enter", UriKind.Relative)));
        return new Creative(client, challenge, form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!);
    }

    private static Task<Guid> StartAsync(Creative creative, string fileName, long length) =>
        UploadApi.StartAsync(creative.Client, creative.Token, fileName, length);

    private static Task<HttpResponseMessage> PutAsync(Creative creative, Guid id, byte[] file, long offset) =>
        UploadApi.PutAsync(creative.Client, creative.Token, id, file, offset);

    private static async Task AssertReceivedAsync(HttpResponseMessage response, long received)
    {
        var answer = await response.Content.ReadFromJsonAsync<UploadApi.Progress>();
        Assert.Equal(received, answer!.Received);
    }

    /// <summary>Posts the entry form naming the upload instead of carrying a file, as the site's script does.</summary>
    private static async Task<HttpResponseMessage> PostEntryAsync(HttpClient client, string challenge, Guid uploadId)
    {
        var form = $"{challenge}/enter";
        var page = await Forms.ParseAsync(await client.GetAsync(new Uri(form, UriKind.Relative)));
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Sent in chunks",
            ["Input.AcceptLicence"] = "true",
            ["Input.DeclareOriginal"] = "true",
            ["Input.Uploads"] = uploadId.ToString(),
        };
        foreach (var hidden in new[] { "Input.SubmissionKey", "Input.LicenceVersionId", "__RequestVerificationToken" })
        {
            fields[hidden] = page.QuerySelector($"input[name='{hidden}']")!.GetAttribute("value")!;
        }

        return await client.PostAsync(new Uri(form, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>Enters with the upload: the entry's page, or (<paramref name="expectRedirect"/> false) the text of the form shown again.</summary>
    private static async Task<string> EnterAsync(HttpClient client, string challenge, Guid uploadId, bool expectRedirect = true)
    {
        using var response = await PostEntryAsync(client, challenge, uploadId);
        if (!expectRedirect)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Forms.ParseAsync(response)).QuerySelector("main")!.TextContent;
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<byte[]> DownloadFirstFileAsync(HttpClient client, string entryPage)
    {
        var page = await Forms.ParseAsync(await client.GetAsync(new Uri(entryPage, UriKind.Relative)));
        var link = page.QuerySelector(".entry-files a")!.GetAttribute("href")!;
        return await client.GetByteArrayAsync(new Uri(link, UriKind.Relative));
    }

    private async Task<int> CountAsync(Func<CrowdsourceDbContext, Task<int>> count)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>());
    }
}
