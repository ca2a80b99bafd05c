using System.Net;
using AngleSharp.Html.Dom;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Irreversible actions ask first, without JavaScript: a post without the explicit confirmation does nothing and shows
/// the page with that action's confirmation open; with it, the action happens.
/// </summary>
public sealed class IrreversibleActionTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private static readonly Dictionary<string, string> Confirmed = new() { ["confirmed"] = "true" };

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    private static Uri Path(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Withdrawing_an_entry_asks_first_then_withdraws()
    {
        var challenge = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var creative = await SignedInAsync(await factory.AccountAsync());
        var entryPage = await SubmittedEntries.EnterAsync(creative, challenge);
        var withdraw = $"{entryPage}?handler=Withdraw";

        await Confirmations.AssertAsksToConfirmAsync(await Forms.SubmitAsync(creative, entryPage, new Dictionary<string, string>(), withdraw), "Yes, withdraw this entry");
        Assert.Equal(EntryStatus.Submitted, await EntryStatusAsync(entryPage));

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(creative, entryPage, Confirmed, withdraw)).StatusCode);
        Assert.Equal(EntryStatus.Withdrawn, await EntryStatusAsync(entryPage));
    }

    [Fact]
    public async Task Recording_a_payment_asks_first_for_that_award_then_records_it()
    {
        var (owner, winner, other) = (await factory.AccountAsync(), await factory.AccountAsync(), await factory.AccountAsync());
        var finished = await FinishedChallenges.CreateAsync(factory.Services, owner, winner, other, paid: false);
        var admin = await SignedInAsync(await factory.AccountAsync(Roles.Admin));
        var page = await Forms.ParseAsync(await admin.GetAsync(Path("/Admin/Awards")));
        var form = page.Forms.Single(candidate => candidate.QuerySelector($"input[name='Input.AwardId'][value='{finished.AwardId}']") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>().ToDictionary(input => input.Name!, input => input.Value);
        fields["Input.PaymentReference"] = "SEPA-CONFIRM-1";

        var asked = await admin.PostAsync(Path(form.GetAttribute("action")!), new FormUrlEncodedContent(fields));
        await Confirmations.AssertAsksToConfirmAsync(asked, "Yes, record the payment");
        Assert.False(await PaidAsync(finished.AwardId));

        fields["confirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(Path(form.GetAttribute("action")!), new FormUrlEncodedContent(fields))).StatusCode);
        Assert.True(await PaidAsync(finished.AwardId));
    }

    [Fact]
    public async Task Rejecting_an_entry_asks_first_then_rejects()
    {
        var challenge = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var creative = await SignedInAsync(await factory.AccountAsync());
        var entryPage = await SubmittedEntries.EnterAsync(creative, challenge);
        var entryId = entryPage.Split('/')[^1];
        var moderator = await SignedInAsync(await factory.AccountAsync(Roles.Moderator));
        var queue = await Forms.ParseAsync(await moderator.GetAsync(Path("/Moderation/Queue")));
        var form = queue.Forms.Single(candidate => candidate.GetAttribute("action")!.Contains("handler=Reject", StringComparison.Ordinal)
            && candidate.QuerySelector($"input[name='Input.EntryId'][value='{entryId}']") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>().ToDictionary(input => input.Name!, input => input.Value);
        fields["Input.Reason"] = "The picture shows a registered trademark.";

        await Confirmations.AssertAsksToConfirmAsync(await moderator.PostAsync(Path(form.GetAttribute("action")!), new FormUrlEncodedContent(fields)), "Yes, reject this entry");
        Assert.Equal(EntryStatus.Submitted, await EntryStatusAsync(entryPage));

        fields["confirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostAsync(Path(form.GetAttribute("action")!), new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Equal(EntryStatus.Rejected, await EntryStatusAsync(entryPage));
    }

    [Theory]
    [InlineData("Reject", "Yes, send it back", ChallengeStatus.Draft)]
    [InlineData("Cancel", "Yes, cancel the challenge", ChallengeStatus.Cancelled)]
    public async Task Sending_back_or_cancelling_a_challenge_asks_first_then_acts(string handler, string confirmLabel, ChallengeStatus after)
    {
        var owner = await SignedInAsync(await factory.AccountAsync());
        var brandId = await BrandPages.CreateBrandAsync(owner, "Kettle Co");
        var challengeId = await BrandPages.ChallengeInReviewAsync(owner, brandId, "A kettle for tomorrow", "kettle");
        var moderator = await SignedInAsync(await factory.AccountAsync(Roles.Moderator));
        var target = $"/Moderation/Challenge/{challengeId}?handler={handler}";
        var reason = new Dictionary<string, string> { ["Input.Reason"] = "The prize is not funded yet." };

        await Confirmations.AssertAsksToConfirmAsync(await BrandPages.PostAsync(moderator, target, reason), confirmLabel);
        Assert.Equal(ChallengeStatus.InReview, await ChallengeStatusAsync(challengeId));

        reason["confirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await BrandPages.PostAsync(moderator, target, reason)).StatusCode);
        Assert.Equal(after, await ChallengeStatusAsync(challengeId));
    }

    private async Task<T> InDbAsync<T>(Func<CrowdsourceDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>());
    }

    private Task<EntryStatus> EntryStatusAsync(string entryPage)
    {
        var id = new EntryId(Guid.Parse(entryPage.Split('/')[^1]));
        return InDbAsync(db => db.Entries.Where(entry => entry.Id == id).Select(entry => entry.Status).SingleAsync());
    }

    private Task<ChallengeStatus> ChallengeStatusAsync(Guid challengeId) =>
        InDbAsync(db => db.Challenges.Where(challenge => challenge.Id == new ChallengeId(challengeId)).Select(challenge => challenge.Status).SingleAsync());

    private Task<bool> PaidAsync(Guid awardId) => InDbAsync(db => db.Awards.Where(award => award.Id == awardId).Select(award => award.PaidAt != null).SingleAsync());
}
