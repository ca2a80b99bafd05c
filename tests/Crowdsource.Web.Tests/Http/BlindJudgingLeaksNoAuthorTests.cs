using System.Net;
using System.Text;
using Crowdsource.Domain.Accounts;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Issue 10, hole 3: on a blind challenge, until the results are announced, nothing the brand or a judge or moderator
/// opens or is sent — pages, the licence receipt PDF, the CSVs, notifications, e-mails — names an entry's author
/// (display name or e-mail address). The creative's own receipt does name them: that is what shows the check can fail.
/// </summary>
public sealed class BlindJudgingLeaksNoAuthorTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private static readonly string[] AuthorNames = ["Ottoline Quarrington", "Barnaby Zeffirelli"];

    private sealed record Arranged(JudgedChallenge Challenge, TestAccount Owner, TestAccount Judge, TestAccount Moderator, TestAccount[] Creatives)
    {
        /// <summary>What would name an author: their display names and the unique part of their e-mail addresses.</summary>
        public IEnumerable<string> Secrets => AuthorNames.Concat(Creatives.Select(creative => creative.Email.Split('@')[0]));
    }

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(client, account);
        return client;
    }

    private async Task<Arranged> ArrangeAsync()
    {
        var owner = await factory.AccountAsync();
        var judge = await factory.AccountAsync(Roles.Moderator);
        var moderator = await factory.AccountAsync(Roles.Moderator);
        TestAccount[] creatives = [await factory.AccountAsync(), await factory.AccountAsync()];
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
            for (var i = 0; i < creatives.Length; i++)
            {
                var (email, name) = (creatives[i].Email, AuthorNames[i]);
                await db.Users.Where(user => user.Email == email).ExecuteUpdateAsync(set => set.SetProperty(user => user.DisplayName, name));
            }
        }

        // Blind by default; the last creative's second entry waits in the screening queue.
        var challenge = await JudgedChallenges.CreateAsync(factory.Services, owner, judge, creatives);
        return new Arranged(challenge, owner, judge, moderator, creatives);
    }

    /// <summary>The body as text: pages and CSVs in UTF-8, PDFs as the text a viewer shows (read back with PdfPig).</summary>
    private static async Task<string> ReadAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(expected == response.StatusCode, $"{path}: {response.StatusCode}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.Content.Headers.ContentType?.MediaType == "application/pdf" ? PdfReading.Of(bytes).Text : Encoding.UTF8.GetString(bytes);
    }

    private static string Receipt(Guid entry) => $"/Entries/{entry}/receipt";

    [Fact]
    public async Task The_creatives_own_receipt_names_them_so_the_checks_below_can_fail()
    {
        var arranged = await ArrangeAsync();
        var creative = await SignedInAsync(arranged.Creatives[0]);

        var receipt = await ReadAsync(creative, Receipt(arranged.Challenge.Entries[0]));

        Assert.Contains("Licence receipt", receipt, StringComparison.Ordinal);
        Assert.Contains(AuthorNames[0], receipt, StringComparison.Ordinal);
        Assert.Contains(arranged.Creatives[0].Email.Split('@')[0], receipt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_the_brand_the_judges_or_the_moderators_open_names_an_author()
    {
        var arranged = await ArrangeAsync();
        var challenge = arranged.Challenge;
        var id = challenge.ChallengeId;
        var owner = await SignedInAsync(arranged.Owner);
        var judge = await SignedInAsync(arranged.Judge);
        var moderator = await SignedInAsync(arranged.Moderator);

        var seen = new List<(string Who, string Path, string Body)>();
        async Task SeeAsync(string who, HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
            seen.Add((who, path, await ReadAsync(client, path, expected)));

        foreach (var entry in challenge.Entries.Append(challenge.NotApprovedEntry!.Value))
        {
            await SeeAsync("brand", owner, Receipt(entry));
            await SeeAsync("judge", judge, Receipt(entry));
            await SeeAsync("moderator", moderator, Receipt(entry));
            await SeeAsync("brand", owner, $"/Entries/{entry}");
        }

        await SeeAsync("brand", owner, challenge.Winners);
        await SeeAsync("brand", owner, $"/Challenges/{id}");
        await SeeAsync("brand", owner, challenge.Csv, HttpStatusCode.NotFound);
        await SeeAsync("brand", owner, $"/Challenges/{id}/scores.csv", HttpStatusCode.NotFound);
        foreach (var (who, client) in new[] { ("judge", judge), ("moderator", moderator) })
        {
            await SeeAsync(who, client, challenge.Board);
            await SeeAsync(who, client, challenge.ScoreEntry(0));
            await SeeAsync(who, client, challenge.ScoreEntry(1));
            await SeeAsync(who, client, $"/Moderation/Challenge/{id}");
            await SeeAsync(who, client, "/Moderation/Queue");
        }

        // The pages do show the entries (under pseudonyms): an empty page would prove nothing.
        Assert.Contains("Creative 1", seen.Single(page => page.Who == "judge" && page.Path == $"/Moderation/Challenge/{id}").Body, StringComparison.Ordinal);
        Assert.Contains("Creative 2", seen.Single(page => page.Who == "moderator" && page.Path == "/Moderation/Queue").Body, StringComparison.Ordinal);
        Assert.Contains("Creative 1", seen.First(page => page.Who == "brand" && page.Path.EndsWith("/receipt", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
        foreach (var (who, path, body) in seen)
        {
            foreach (var secret in arranged.Secrets)
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{path} names an author ({secret}) to the {who}.");
            }
        }
    }

    [Fact]
    public async Task No_notification_or_email_sent_to_the_brand_or_the_moderators_names_an_author()
    {
        var arranged = await ArrangeAsync();
        var challenge = arranged.Challenge;
        var owner = await SignedInAsync(arranged.Owner);
        var picks = new Dictionary<string, string> { ["Input.Picks[0]"] = challenge.Entries[1].ToString(), ["Input.Picks[1]"] = challenge.Entries[0].ToString() };
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(owner, challenge.Winners, picks)).StatusCode); // moderators are told

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var addresses = new[] { arranged.Owner.Email, arranged.Judge.Email, arranged.Moderator.Email };
        var readers = await db.Users.Where(user => addresses.Contains(user.Email!)).Select(user => user.Id).ToListAsync();
        var notifications = await db.Notifications.AsNoTracking().Where(notification => readers.Contains(notification.UserId))
            .Select(notification => notification.Subject + " " + notification.Link).ToListAsync();
        var emails = await db.OutgoingEmails.AsNoTracking().Where(email => addresses.Contains(email.ToAddress))
            .Select(email => email.Subject + " " + email.TextBody + " " + email.HtmlBody).ToListAsync();

        Assert.NotEmpty(notifications);
        foreach (var text in notifications.Concat(emails))
        {
            foreach (var secret in arranged.Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
