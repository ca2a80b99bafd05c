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

/// <summary>The screening queue and the report form over HTTP: who may open them, and their forms as a person sends them.</summary>
public sealed class ScreeningTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private static readonly Uri Queue = new("/Moderation/Queue", UriKind.Relative);

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(params string[] roles)
    {
        var client = Client();
        await Forms.SignInAsync(client, await factory.AccountAsync(roles));
        return client;
    }

    /// <summary>An open challenge with one entry by a new creative: the creative's client and the entry's page.</summary>
    private async Task<(HttpClient Creative, string EntryPage)> EntryAsync(string title = "Oolong dreams", TestAccount? brandOwner = null)
    {
        var challenge = await OpenChallenges.CreateAsync(factory, brandOwner ?? await factory.AccountAsync());
        var creative = await SignedInAsync();
        return (creative, await SubmittedEntries.EnterAsync(creative, challenge, title));
    }

    private async Task<EntryStatus> StatusAsync(string entryPage)
    {
        var id = Guid.Parse(entryPage.Split('/')[^1]);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Entries
            .Where(entry => entry.Id == new EntryId(id)).Select(entry => entry.Status).SingleAsync();
    }

    /// <summary>Posts the form of <paramref name="handler"/> in the queue row of the entry at <paramref name="entryPage"/>, with extra fields.</summary>
    private static async Task<HttpResponseMessage> DecideAsync(HttpClient moderator, string entryPage, string handler, Dictionary<string, string>? fields = null)
    {
        var page = await Forms.ParseAsync(await moderator.GetAsync(Queue));
        var row = page.QuerySelectorAll(".screening-item").Single(item => item.QuerySelector($"h3 a[href='{entryPage}']") is not null);
        var form = (IHtmlFormElement)row.QuerySelectorAll("form").Single(candidate => candidate.GetAttribute("action")!.EndsWith($"handler={handler}", StringComparison.Ordinal));
        var values = form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>().ToDictionary(input => input.Name!, input => input.Value);
        foreach (var (name, value) in fields ?? [])
        {
            values[name] = value;
        }

        return await moderator.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task The_queue_sends_an_anonymous_visitor_to_log_in_and_refuses_a_creative()
    {
        var anonymous = await Client().GetAsync(Queue);
        var creative = await (await SignedInAsync()).GetAsync(Queue);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString("/Moderation/Queue")}", anonymous.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, creative.StatusCode);
    }

    [Fact]
    public async Task A_moderator_approves_an_entry_from_the_queue_and_a_creative_s_post_of_the_same_form_is_refused()
    {
        var (creative, entryPage) = await EntryAsync();
        var moderator = await SignedInAsync(Roles.Moderator);
        var desk = await Forms.ParseAsync(await moderator.GetAsync(new Uri("/Moderation", UriKind.Relative)));
        Assert.NotNull(desk.QuerySelector("a[href='/Moderation/Queue']"));

        var refused = await creative.PostAsync(new Uri("/Moderation/Queue?handler=Approve", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(EntryStatus.Submitted, await StatusAsync(entryPage));

        var response = await DecideAsync(moderator, entryPage, "Approve");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EntryStatus.Approved, await StatusAsync(entryPage));
        var queue = await Forms.ParseAsync(await moderator.GetAsync(Queue));
        Assert.Null(queue.QuerySelector($".screening-item h3 a[href='{entryPage}']"));
        var seen = await Forms.ParseAsync(await creative.GetAsync(new Uri(entryPage, UriKind.Relative)));
        Assert.Contains("approved", seen.QuerySelector(".screening-outcome")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_changes_without_a_real_message_is_refused_next_to_the_field_then_the_creative_reads_it()
    {
        var (creative, entryPage) = await EntryAsync();
        var moderator = await SignedInAsync(Roles.Moderator);

        var refused = await DecideAsync(moderator, entryPage, "RequestChanges", new() { ["Input.Message"] = "Fix" });
        var sent = await DecideAsync(moderator, entryPage, "RequestChanges", new() { ["Input.Message"] = "Please show the label on a tin, not on a box." });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        Assert.Contains("10 to 2,000", page.QuerySelector("[data-valmsg-for='Input.Message']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Fix", page.QuerySelector($"textarea[name='Input.Message'][id='message-{entryPage.Split('/')[^1]}']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var seen = await Forms.ParseAsync(await creative.GetAsync(new Uri(entryPage, UriKind.Relative)));
        Assert.Equal("Please show the label on a tin, not on a box.", seen.QuerySelector(".screening-message")!.TextContent);
        Assert.NotNull(seen.QuerySelector($".screening-outcome a[href='{entryPage}/edit']"));
    }

    [Fact]
    public async Task The_report_form_says_next_to_each_field_what_is_missing_and_a_stranger_cannot_report_the_entry()
    {
        var owner = await factory.AccountAsync();
        var (_, entryPage) = await EntryAsync(brandOwner: owner);
        var brand = Client();
        await Forms.SignInAsync(brand, owner);
        var id = entryPage.Split('/')[^1];
        var reportPage = $"/Report?entry={id}";
        var entry = await Forms.ParseAsync(await brand.GetAsync(new Uri(entryPage, UriKind.Relative)));
        Assert.NotNull(entry.QuerySelector($".report-link a[href='{reportPage}']"));

        var response = await Forms.SubmitAsync(brand, reportPage, new Dictionary<string, string> { ["Input.Reason"] = "", ["Input.Text"] = "Bad" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("[data-valmsg-for='Input.Reason']"));
        Assert.Contains("10 to 2,000", page.QuerySelector("[data-valmsg-for='Input.Text']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync()).GetAsync(new Uri(reportPage, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Client().GetAsync(new Uri(reportPage, UriKind.Relative))).StatusCode);

        var sent = await Forms.SubmitAsync(brand, reportPage, new Dictionary<string, string> { ["Input.Reason"] = "Plagiarism", ["Input.Text"] = "Someone copied my label, see the other entry." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(entryPage, sent.Headers.Location!.OriginalString);
    }
}
