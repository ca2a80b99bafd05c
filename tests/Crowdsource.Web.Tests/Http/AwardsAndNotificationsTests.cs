using System.Net;
using AngleSharp.Html.Dom;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Notifications;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>The admin's awards page, the licence grant download, the winners gallery and the notification centre over HTTP.</summary>
public sealed class AwardsAndNotificationsTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private async Task<(FinishedChallenges.Finished Finished, TestAccount Owner, TestAccount Winner, TestAccount Other)> FinishedAsync(bool paid)
    {
        var (owner, winner, other) = (await factory.AccountAsync(), await factory.AccountAsync(), await factory.AccountAsync());
        return (await FinishedChallenges.CreateAsync(factory.Services, owner, winner, other, paid), owner, winner, other);
    }

    [Fact]
    public async Task Moderators_are_refused_the_awards_page_and_an_admin_records_a_payment_there()
    {
        var (finished, _, winner, _) = await FinishedAsync(paid: false);
        var moderator = await SignedInAsync(await factory.AccountAsync(Roles.Moderator));
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(Path("/Admin/Awards"))).StatusCode);
        var winnerClient = await SignedInAsync(winner);
        Assert.Equal(HttpStatusCode.NotFound, (await winnerClient.GetAsync(Path($"/Entries/{finished.WinningEntryId}/grant"))).StatusCode);

        var admin = await SignedInAsync(await factory.AccountAsync(Roles.Admin));
        var page = await Forms.ParseAsync(await admin.GetAsync(Path("/Admin/Awards")));
        var form = page.Forms.Single(candidate => candidate.QuerySelector($"input[name='Input.AwardId'][value='{finished.AwardId}']") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>().ToDictionary(input => input.Name!, input => input.Value);
        fields["Input.PaymentReference"] = "SEPA-HTTP-1";
        fields["confirmed"] = "true";
        var posted = await admin.PostAsync(Path(form.GetAttribute("action")!), new FormUrlEncodedContent(fields));
        var again = await admin.PostAsync(Path(form.GetAttribute("action")!), new FormUrlEncodedContent(fields)); // a double post

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var grant = await winnerClient.GetAsync(Path($"/Entries/{finished.WinningEntryId}/grant"));
        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        Assert.Equal("application/pdf", grant.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Payment reference: SEPA-HTTP-1", PdfReading.Of(await grant.Content.ReadAsByteArrayAsync()).Lines);
        var entryPage = await Forms.ParseAsync(await winnerClient.GetAsync(Path($"/Entries/{finished.WinningEntryId}")));
        Assert.NotNull(entryPage.QuerySelector($"a[href='/Entries/{finished.WinningEntryId}/grant']"));
    }

    [Fact]
    public async Task A_payment_without_a_reference_is_shown_again_with_the_message_next_to_its_field()
    {
        var (finished, _, _, _) = await FinishedAsync(paid: false);
        var admin = await SignedInAsync(await factory.AccountAsync(Roles.Admin));
        var page = await Forms.ParseAsync(await admin.GetAsync(Path("/Admin/Awards")));
        var form = page.Forms.Single(candidate => candidate.QuerySelector($"input[name='Input.AwardId'][value='{finished.AwardId}']") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>().ToDictionary(input => input.Name!, input => input.Value);
        fields["Input.PaymentReference"] = " ";
        fields["confirmed"] = "true";

        var response = await admin.PostAsync(Path(form.GetAttribute("action")!), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await Forms.ParseAsync(response);
        var again = shown.Forms.Single(candidate => candidate.QuerySelector($"input[name='Input.AwardId'][value='{finished.AwardId}']") is not null);
        Assert.Contains("payment reference", again.QuerySelector("[data-valmsg-for='Input.PaymentReference']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_grant_is_for_the_two_parties_only_a_stranger_or_a_visitor_gets_404()
    {
        var (finished, owner, winner, other) = await FinishedAsync(paid: true);
        var url = Path($"/Entries/{finished.WinningEntryId}/grant");

        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync(winner)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync(owner)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync(other)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync(await factory.AccountAsync())).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_winners_gallery_shows_the_winner_with_its_preview_to_visitors_and_not_the_other_entry()
    {
        var (finished, _, _, _) = await FinishedAsync(paid: false);
        var visitor = Client();

        var gallery = await Forms.ParseAsync(await visitor.GetAsync(Path("/Winners")));

        var card = gallery.QuerySelector($"#showcase-{finished.WinningEntryId}")!.Closest("article")!;
        Assert.Contains("€2,500", card.TextContent, StringComparison.Ordinal);
        Assert.Null(gallery.QuerySelector($"#showcase-{finished.OtherEntryId}"));
        var preview = await visitor.GetAsync(Path(card.QuerySelector("img")!.GetAttribute("src")!));
        Assert.Equal("image/jpeg", preview.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Path($"/Entries/{finished.OtherEntryId}"))).StatusCode);
    }

    [Fact]
    public async Task The_notification_centre_needs_a_login()
    {
        var response = await Client().GetAsync(Path("/Notifications"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Client().GetAsync(Path("/Account/Manage/Notifications"))).StatusCode);
    }

    [Fact]
    public async Task The_header_badge_counts_unread_notifications_and_opening_one_marks_it_read()
    {
        var account = await factory.AccountAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
            var userId = await db.Users.Where(user => user.Email == account.Email).Select(user => user.Id).SingleAsync();
            db.Notifications.AddRange(
                Notification.To(userId, NotificationKind.JudgingStarted, "Name our tea", "/Challenges", DateTimeOffset.UtcNow.AddMinutes(-2)),
                Notification.To(userId, NotificationKind.DeadlineSoon, "Name our tea", "/Winners", DateTimeOffset.UtcNow.AddMinutes(-1)));
            await db.SaveChangesAsync();
        }

        var client = await SignedInAsync(account);
        var home = await Forms.ParseAsync(await client.GetAsync(Path("/")));
        Assert.Equal("2", home.QuerySelector(".notifications-badge")!.TextContent.Trim());

        var centre = await Forms.ParseAsync(await client.GetAsync(Path("/Notifications")));
        Assert.Equal(2, centre.QuerySelectorAll(".notification-unread").Length);
        var newest = centre.QuerySelector(".notification a")!;
        Assert.Contains("24 hours", newest.TextContent, StringComparison.Ordinal);
        var opened = await client.GetAsync(Path(newest.GetAttribute("href")!));
        Assert.Equal("/Winners", opened.Headers.Location!.OriginalString);
        Assert.Equal("1", (await Forms.ParseAsync(await client.GetAsync(Path("/")))).QuerySelector(".notifications-badge")!.TextContent.Trim());

        var markAll = await Forms.SubmitAsync(client, "/Notifications", new Dictionary<string, string>(), "/Notifications?handler=MarkAllRead");
        Assert.Equal(HttpStatusCode.Redirect, markAll.StatusCode);
        Assert.Null((await Forms.ParseAsync(await client.GetAsync(Path("/")))).QuerySelector(".notifications-badge"));
    }

    [Fact]
    public async Task The_email_settings_keep_what_was_unticked()
    {
        var client = await SignedInAsync(await factory.AccountAsync());
        var ticked = Enum.GetValues<NotificationKind>().Where(kind => kind != NotificationKind.DeadlineSoon).Select(kind => kind.ToString()).ToList();

        var page = await Forms.ParseAsync(await client.GetAsync(Path("/Account/Manage/Notifications")));
        var token = page.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var fields = ticked.Select(kind => new KeyValuePair<string, string>("ByEmail", kind)).Append(new("__RequestVerificationToken", token));
        var saved = await client.PostAsync(Path("/Account/Manage/Notifications"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = await Forms.ParseAsync(await client.GetAsync(Path("/Account/Manage/Notifications")));
        Assert.False(((IHtmlInputElement)shown.QuerySelector("#email-DeadlineSoon")!).IsChecked);
        Assert.True(((IHtmlInputElement)shown.QuerySelector("#email-AwardPaid")!).IsChecked);
    }
}
