using System.Net;
using AngleSharp.Html.Dom;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Entries;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>An approved entry cannot be swapped for unscreened work: changing it sends it back to the screening queue.</summary>
public sealed class ApprovedEntryEditTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private static readonly Uri Queue = new("/Moderation/Queue", UriKind.Relative);

    [Fact]
    public async Task A_new_file_and_title_on_an_approved_entry_send_it_back_to_the_screening_queue()
    {
        var challenge = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var creative = await SignedInAsync(await factory.AccountAsync());
        var entryPage = await SubmittedEntries.EnterAsync(creative, challenge, "Oolong dreams");
        var moderator = await SignedInAsync(await factory.AccountAsync(Roles.Moderator));
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(moderator, entryPage)).StatusCode);
        Assert.Equal(EntryStatus.Approved, await StatusAsync(entryPage));

        var editPage = $"{entryPage}/edit";
        var form = await Forms.ParseAsync(await creative.GetAsync(new Uri(editPage, UriKind.Relative)));
        Assert.Contains("goes back to the moderators for screening", form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var edited = await Forms.UploadAsync(creative, editPage, editPage, new Dictionary<string, string>
        {
            ["Input.Version"] = ((IHtmlInputElement)form.QuerySelector("input[name='Input.Version']")!).Value,
            ["Input.LicenceVersionId"] = ((IHtmlInputElement)form.QuerySelector("input[name='Input.LicenceVersionId']")!).Value,
            ["Input.Title"] = "Something else entirely",
        }, ("Input.Files", "swapped.png", TestFiles.Png(seed: 7), "image/png"));

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(EntryStatus.Submitted, await StatusAsync(entryPage));
        var queue = await Forms.ParseAsync(await moderator.GetAsync(Queue));
        Assert.NotNull(queue.QuerySelector($".screening-item h3 a[href='{entryPage}']"));
    }

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    private static async Task<HttpResponseMessage> ApproveAsync(HttpClient moderator, string entryPage)
    {
        var page = await Forms.ParseAsync(await moderator.GetAsync(Queue));
        var row = page.QuerySelectorAll(".screening-item").Single(item => item.QuerySelector($"h3 a[href='{entryPage}']") is not null);
        var form = (IHtmlFormElement)row.QuerySelectorAll("form").Single(candidate => candidate.GetAttribute("action")!.EndsWith("handler=Approve", StringComparison.Ordinal));
        var values = form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>().ToDictionary(input => input.Name!, input => input.Value);
        return await moderator.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    private async Task<EntryStatus> StatusAsync(string entryPage)
    {
        var id = Guid.Parse(entryPage.Split('/')[^1]);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Entries
            .Where(entry => entry.Id == new EntryId(id)).Select(entry => entry.Status).SingleAsync();
    }
}
