using System.Net;
using AngleSharp.Html.Dom;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Funding;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Runner-up rewards over HTTP: only admins reach and post the payment (the brand's owner, the creative and a moderator
/// are refused and nothing is paid); a double post pays once; the creative sees the reward in their earnings.
/// </summary>
public sealed class RunnerUpRewardsAccessTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private async Task<int> RunnerUpLinesAsync(Guid rewardId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        return await db.LedgerEntries.CountAsync(line => line.RunnerUpRewardId == rewardId && line.Movement == LedgerMovement.RunnerUpPaid);
    }

    [Fact]
    public async Task Only_an_admin_pays_a_runner_up_reward_a_double_post_pays_once_and_the_creative_sees_it_in_earnings()
    {
        var (owner, winner, other) = (await factory.AccountAsync(), await factory.AccountAsync(), await factory.AccountAsync());
        var finished = await FinishedChallenges.CreateAsync(factory.Services, owner, winner, other, paid: false, runnerUpPool: 400m);
        var rewardId = finished.RunnerUpRewardId!.Value;

        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync(await factory.AccountAsync(Roles.Moderator))).GetAsync(Path("/Admin/Awards"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync(owner)).GetAsync(Path("/Admin/Awards"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync(other)).GetAsync(Path("/Admin/Awards"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Client().GetAsync(Path("/Admin/Awards"))).StatusCode); // a visitor is sent to sign in

        var admin = await SignedInAsync(await factory.AccountAsync(Roles.Admin));
        var page = await Forms.ParseAsync(await admin.GetAsync(Path("/Admin/Awards")));
        var form = page.Forms.Single(candidate => candidate.QuerySelector($"input[name='RunnerUp.RewardId'][value='{rewardId}']") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>().ToDictionary(input => input.Name!, input => input.Value);
        fields["RunnerUp.PaymentReference"] = "SEPA-RU-HTTP";
        fields["confirmed"] = "true";
        // The brand's owner, the creative paid and a moderator (a judge) post the same payment with tokens of their own: refused, nothing paid.
        foreach (var stranger in (TestAccount[])[owner, other, await factory.AccountAsync(Roles.Moderator)])
        {
            var response = await BrandPages.PostAsync(await SignedInAsync(stranger), form.GetAttribute("action")!,
                fields.Where(field => field.Key != "__RequestVerificationToken").ToDictionary());
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(0, await RunnerUpLinesAsync(rewardId));
        var posted = await admin.PostAsync(Path(form.GetAttribute("action")!), new FormUrlEncodedContent(fields));
        var again = await admin.PostAsync(Path(form.GetAttribute("action")!), new FormUrlEncodedContent(fields)); // a double post

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await RunnerUpLinesAsync(rewardId));

        var earnings = await Forms.ParseAsync(await (await SignedInAsync(other)).GetAsync(Path("/Account/Manage/Earnings")));
        var card = earnings.QuerySelector($"[data-earning='{rewardId}']");
        Assert.NotNull(card);
        Assert.Contains("Runner-up reward", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("No rights passed", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_results_page_lists_the_runner_up_apart_from_the_winners()
    {
        var (owner, winner, other) = (await factory.AccountAsync(), await factory.AccountAsync(), await factory.AccountAsync());
        var finished = await FinishedChallenges.CreateAsync(factory.Services, owner, winner, other, paid: false, runnerUpPool: 400m);

        var results = await Forms.ParseAsync(await Client().GetAsync(Path($"/Challenges/{finished.ChallengeId}/results")));

        var runnerUps = results.QuerySelector("[data-runner-ups]");
        Assert.NotNull(runnerUps);
        Assert.NotNull(runnerUps.QuerySelector($"a[href='/Entries/{finished.OtherEntryId}']"));
        Assert.Null(results.QuerySelector($".winners a[href='/Entries/{finished.OtherEntryId}']"));
    }
}
