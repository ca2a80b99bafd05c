using System.Net;
using AngleSharp.Html.Dom;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Notifications;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Winners hear that they won (the prize, its amount, what happens next) in their language while the others hear that
/// the results are out; their entries say "Winner"; after the payments the brand's winner page shows no broken image.
/// </summary>
public sealed class WinnerNoticeTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    private static Uri Path(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Winners_hear_they_won_with_the_prize_and_what_happens_next_and_their_entries_say_winner()
    {
        var owner = await factory.AccountAsync();
        var judge = await factory.AccountAsync(Roles.Moderator);
        TestAccount[] creatives = [await factory.AccountAsync(), await factory.AccountAsync(), await factory.AccountAsync()];
        var challenge = await JudgedChallenges.CreateAsync(factory.Services, owner, judge, creatives);
        await PreferFrenchAsync(creatives[1]);
        var picks = new Dictionary<string, string> { ["Input.Picks[0]"] = challenge.Entries[0].ToString(), ["Input.Picks[1]"] = challenge.Entries[1].ToString() };
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(await SignedInAsync(owner), challenge.Winners, picks)).StatusCode);

        var moderator = await SignedInAsync(judge);
        var unconfirmed = await Forms.SubmitAsync(moderator, challenge.Board, new Dictionary<string, string>(), $"{challenge.Board}?handler=Confirm");
        await Confirmations.AssertAsksToConfirmAsync(unconfirmed, "Yes, announce these winners");
        Assert.Empty(await KindsOfAsync(creatives[0]));
        var confirmed = await Forms.SubmitAsync(moderator, challenge.Board, new Dictionary<string, string> { ["confirmed"] = "true" },
            $"{challenge.Board}?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        // The first prize, in English: the centre and the e-mail say which prize, how much, and what comes next.
        var first = await SignedInAsync(creatives[0]);
        var centre = (await Forms.ParseAsync(await first.GetAsync(Path("/Notifications")))).QuerySelector("main")!.TextContent;
        Assert.Contains($"You won in “{challenge.Title}”: Prize 1, €5,000.", centre, StringComparison.Ordinal);
        Assert.DoesNotContain("are out", centre, StringComparison.Ordinal);
        var email = (await factory.EmailsToAsync(creatives[0].Email)).Single();
        Assert.Equal($"You won a prize in “{challenge.Title}”", email.Subject);
        Assert.Contains("won Prize 1 (€5,000)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("the brand pays the prize", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("the licence grant", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/Entries/{challenge.Entries[0]}", email.TextBody, StringComparison.Ordinal);

        // The second prize, in French, with French typography.
        var french = (await factory.EmailsToAsync(creatives[1].Email)).Single();
        Assert.Equal($"Vous avez gagné un prix dans «\u00A0{challenge.Title}\u00A0»", french.Subject);
        Assert.Contains("a été primée\u00A0: 2e prix (1\u202F500\u00A0€)", french.TextBody, StringComparison.Ordinal);
        Assert.Contains("l’acte de cession", french.TextBody, StringComparison.Ordinal);

        // Someone who entered and did not win hears that the results are out, and no more.
        Assert.Equal([NotificationKind.ResultsAnnounced], await KindsOfAsync(creatives[2]));
        Assert.Equal([NotificationKind.PrizeWon], await KindsOfAsync(creatives[0]));

        // The entry badge says "Winner" with the prize, on the entry page and in the list of my entries.
        var entryPage = await Forms.ParseAsync(await first.GetAsync(Path($"/Entries/{challenge.Entries[0]}")));
        Assert.Equal("Winner · Prize 1", entryPage.QuerySelector("h1 + p .badge")!.TextContent.Trim());
        var mine = await Forms.ParseAsync(await first.GetAsync(Path("/Entries")));
        Assert.Contains("Winner · Prize 1", mine.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        var loser = await Forms.ParseAsync(await (await SignedInAsync(creatives[2])).GetAsync(Path($"/Entries/{challenge.Entries[2]}")));
        Assert.Equal("Approved", loser.QuerySelector("h1 + p .badge")!.TextContent.Trim());
    }

    [Fact]
    public async Task After_the_payments_every_image_of_the_brands_winner_page_opens_for_the_brand()
    {
        var (owner, winner, other) = (await factory.AccountAsync(), await factory.AccountAsync(), await factory.AccountAsync());
        var finished = await FinishedChallenges.CreateAsync(factory.Services, owner, winner, other, paid: false);
        await PayAsync(finished.AwardId);
        Assert.Equal(ChallengeStatus.Completed, await StatusOfAsync(finished.ChallengeId));

        var brand = await SignedInAsync(owner);
        var page = await Forms.ParseAsync(await brand.GetAsync(Path($"/Brands/Challenges/{finished.ChallengeId}/winners")));

        var images = page.QuerySelectorAll("main img").Select(image => image.GetAttribute("src")!).ToList();
        Assert.NotEmpty(images);
        foreach (var src in images)
        {
            Assert.Equal(HttpStatusCode.OK, (await brand.GetAsync(Path(src))).StatusCode);
        }

        foreach (var href in page.QuerySelectorAll("main a[href^='/Entries/']").Select(link => link.GetAttribute("href")!))
        {
            Assert.Equal(HttpStatusCode.OK, (await brand.GetAsync(Path(href))).StatusCode);
        }

        // The entry the brand did not win is still in the ranking, by name, without its pictures or a link.
        Assert.Contains("Tin of waves", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(images, src => src.Contains(finished.OtherEntryId.ToString(), StringComparison.Ordinal));
        Assert.Contains(images, src => src.Contains(finished.WinningEntryId.ToString(), StringComparison.Ordinal));
    }

    private async Task PayAsync(Guid awardId)
    {
        var admin = await SignedInAsync(await factory.AccountAsync(Roles.Admin));
        var page = await Forms.ParseAsync(await admin.GetAsync(Path("/Admin/Awards")));
        var form = page.Forms.Single(candidate => candidate.QuerySelector($"input[name='Input.AwardId'][value='{awardId}']") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>().ToDictionary(input => input.Name!, input => input.Value);
        fields["Input.PaymentReference"] = "SEPA-WINNERS-1";
        fields["confirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(Path(form.GetAttribute("action")!), new FormUrlEncodedContent(fields))).StatusCode);
    }

    private async Task PreferFrenchAsync(TestAccount account)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var user = await db.Users.SingleAsync(candidate => candidate.Email == account.Email);
        user.PreferCulture("fr");
        await db.SaveChangesAsync();
    }

    private async Task<List<NotificationKind>> KindsOfAsync(TestAccount account)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var userId = await db.Users.Where(user => user.Email == account.Email).Select(user => user.Id).SingleAsync();
        return await db.Notifications.Where(notification => notification.UserId == userId).Select(notification => notification.Kind).ToListAsync();
    }

    private async Task<ChallengeStatus> StatusOfAsync(Guid challengeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        return await db.Challenges.Where(challenge => challenge.Id == new ChallengeId(challengeId)).Select(challenge => challenge.Status).SingleAsync();
    }
}
