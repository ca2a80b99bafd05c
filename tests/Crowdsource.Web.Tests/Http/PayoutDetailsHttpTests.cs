using System.Net;
using Crowdsource.Domain.Accounts;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// My earnings and payout details over HTTP: the creative records an IBAN and sees it masked; only an admin sees it in
/// full, on the awards page, and the look is audited; a brand member, a moderator, a judge or another creative cannot.
/// </summary>
public sealed class PayoutDetailsHttpTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private const string Iban = "FR7630006000011234567890189";

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private static Task<HttpResponseMessage> SaveIbanAsync(HttpClient client, string iban) =>
        Forms.SubmitAsync(client, "/Account/Manage/Payout", new Dictionary<string, string>
        {
            ["Input.Method"] = "BankTransfer",
            ["Input.HolderName"] = "Jeanne Dupont",
            ["Input.Iban"] = iban,
            ["Input.PayPalEmail"] = string.Empty,
        });

    /// <summary>Posts the awards page's reveal action for <paramref name="awardId"/>, with the client's own antiforgery token.</summary>
    private static async Task<HttpResponseMessage> RevealAsync(HttpClient client, Guid awardId)
    {
        var page = await Forms.ParseAsync(await client.GetAsync(Path("/Account/Manage/Payout")));
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await client.PostAsync(Path("/Admin/Awards?handler=Reveal"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["awardId"] = awardId.ToString(),
            ["__RequestVerificationToken"] = token,
        }));
    }

    private async Task<int> RevealsAsync(string creativeEmail)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var id = Guid.Parse(await db.Users.Where(user => user.Email == creativeEmail).Select(user => user.Id).SingleAsync());
        return await db.AuditEvents.CountAsync(line => line.SubjectId == id && line.Action == "payout-details.revealed");
    }

    private async Task<TestAccount> JudgeOfAsync(Guid challengeId)
    {
        var judge = await factory.AccountAsync(Roles.Creative);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var judgeId = await db.Users.Where(user => user.Email == judge.Email).Select(user => user.Id).SingleAsync();
        // The panel is closed once results are out (the domain refuses a new judge then): the judge who sat on it is written as it was.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ChallengeJudges" ("ChallengeId", "JudgeUserId", "AssignedByUserId", "AssignedAt") VALUES ({challengeId}, {judgeId}, {judgeId}, {DateTimeOffset.UtcNow.AddDays(-40)})
            """);
        return judge;
    }

    [Fact]
    public async Task The_winner_records_an_iban_and_sees_only_its_masked_form_with_the_prize_awaiting_payment()
    {
        var (owner, winner, other) = (await factory.AccountAsync(), await factory.AccountAsync(), await factory.AccountAsync());
        await FinishedChallenges.CreateAsync(factory.Services, owner, winner, other, paid: false, title: "Tin for earnings");
        var client = await SignedInAsync(winner);

        var refused = await SaveIbanAsync(client, "FR76 3000 6000 0112 3456 7890 188");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Forms.ParseAsync(refused);
        Assert.Contains("check digits", again.QuerySelector("[data-valmsg-for='Input.Iban']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("FR76 3000 6000 0112 3456 7890 188", again.QuerySelector("#Input_Iban")!.GetAttribute("value"));
        Assert.Equal("Jeanne Dupont", again.QuerySelector("#Input_HolderName")!.GetAttribute("value"));

        var saved = await SaveIbanAsync(client, "fr76 3000 6000 0112 3456 7890 189");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var earnings = await client.GetAsync(Path("/Account/Manage/Earnings"));
        var html = await earnings.Content.ReadAsStringAsync();
        var page = await Forms.ParseAsync(earnings);
        Assert.Equal("FR76 •••• •••• 0189", page.QuerySelector("[data-payout-masked]")!.TextContent);
        Assert.DoesNotContain("30006000011234567890", html, StringComparison.Ordinal);
        Assert.Contains("Tin for earnings", page.QuerySelector(".earnings")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Awaiting payment since", page.QuerySelector(".earnings")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Iban, await (await client.GetAsync(Path("/Account/Manage/Payout"))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var loser = await Forms.ParseAsync(await (await SignedInAsync(other)).GetAsync(Path("/Account/Manage/Earnings")));
        Assert.Null(loser.QuerySelector(".earnings"));
        Assert.Null(loser.QuerySelector("[data-payout-masked]"));
        var anonymous = await Client().GetAsync(Path("/Account/Manage/Earnings"));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brand_member_a_moderator_a_judge_and_other_creatives_cannot_see_the_details_and_an_admin_s_look_is_audited()
    {
        var (owner, winner, other) = (await factory.AccountAsync(), await factory.AccountAsync(), await factory.AccountAsync());
        var finished = await FinishedChallenges.CreateAsync(factory.Services, owner, winner, other, paid: false);
        var winnerClient = await SignedInAsync(winner);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveIbanAsync(winnerClient, Iban)).StatusCode);
        var judge = await JudgeOfAsync(finished.ChallengeId);

        foreach (var someone in new[] { owner, other, winner, judge, await factory.AccountAsync(Roles.Moderator) })
        {
            var client = await SignedInAsync(someone);
            var reveal = await RevealAsync(client, finished.AwardId);
            Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
            Assert.DoesNotContain("3000 6000 0112", await reveal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Path("/Admin/Awards"))).StatusCode);
        }

        Assert.Equal(0, await RevealsAsync(winner.Email));

        var admin = await SignedInAsync(await factory.AccountAsync(Roles.Admin));
        var awards = await Forms.ParseAsync(await admin.GetAsync(Path("/Admin/Awards")));
        Assert.Contains(awards.QuerySelectorAll("[data-payout-masked]"), cell => cell.TextContent == "FR76 •••• •••• 0189");
        Assert.DoesNotContain(Iban, awards.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var revealed = await RevealAsync(admin, finished.AwardId);

        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Contains("no-store", revealed.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var shown = await Forms.ParseAsync(revealed);
        Assert.Equal("FR76 3000 6000 0112 3456 7890 189", shown.QuerySelector("[data-payout-full]")!.TextContent);
        Assert.Equal(1, await RevealsAsync(winner.Email));
    }
}
