using System.Net;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Funding;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Who may see a challenge's prize funding and move its money, over HTTP: outside the brand nothing is found (404), an
/// Editor reads but only an Owner records a transfer (403), only admins open the funding desk and confirm; the same
/// transfer posted twice, or confirmed by two admins at once, counts once; and the database refuses to change the ledger.
/// Every refused request is checked against the database: nothing was recorded.
/// </summary>
public sealed class PrizeFundingAccessTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private const string Desk = "/Admin/Funding";

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_log_in_from_the_funding_page_and_records_nothing()
    {
        var challenge = await ChallengesInReview.CreateAsync(factory, await factory.AccountAsync(), "Anonymous visit");

        var page = await Client().GetAsync(new Uri(challenge.Funding, UriKind.Relative));
        var post = await BrandPages.PostAsync(Client(), challenge.Funding, Reference("SEPA-ANON-1"));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString(challenge.Funding)}", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/Account/Login", post.Headers.Location!.AbsolutePath);
        Assert.Equal(new MoneyState(0, 0, null), await MoneyAsync(challenge));
    }

    [Theory]
    [InlineData("owner of another brand")]
    [InlineData("creative")]
    public async Task Outside_the_brand_the_funding_page_is_not_found_and_a_post_records_nothing(string who)
    {
        var challenge = await ChallengesInReview.CreateAsync(factory, await factory.AccountAsync(), "Stranger visit");
        var strangerAccount = await factory.AccountAsync();
        if (who == "owner of another brand")
        {
            await ChallengesInReview.CreateAsync(factory, strangerAccount, "The stranger's own challenge");
        }

        var stranger = await SignedInAsync(strangerAccount);

        var page = await stranger.GetAsync(new Uri(challenge.Funding, UriKind.Relative));
        var post = await BrandPages.PostAsync(stranger, challenge.Funding, Reference("SEPA-STRANGER-1"));

        await AssertNotFoundAsync(page);
        await AssertNotFoundAsync(post);
        Assert.Equal(new MoneyState(0, 0, null), await MoneyAsync(challenge));
    }

    [Fact]
    public async Task A_judge_reads_the_funding_of_the_challenge_they_judge_as_staff_but_cannot_record_a_transfer()
    {
        var owner = await factory.AccountAsync();
        var judgeAccount = await factory.AccountAsync(Roles.Moderator);
        var judged = await JudgedChallenges.CreateAsync(factory.Services, owner, judgeAccount, [await factory.AccountAsync()], scored: false, title: "Judged funding");
        var funding = new ChallengeInReview(judged.ChallengeId, judged.BrandId, judged.Title);
        var before = await MoneyAsync(funding);
        var judge = await SignedInAsync(judgeAccount);

        var page = await judge.GetAsync(new Uri(funding.Funding, UriKind.Relative));
        var post = await BrandPages.PostAsync(judge, funding.Funding, Reference("SEPA-JUDGE-1"));

        // Moderators are staff: they read the pool and the ledger (the moderation page links there), with no form and no account details.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await Forms.ParseAsync(page);
        Assert.Null(html.QuerySelector("input[name='Input.Reference']"));
        Assert.Null(html.QuerySelector(".funding-account"));
        Assert.NotNull(html.QuerySelector(".ledger-table"));
        await AssertNotFoundAsync(post);
        Assert.Equal(before, await MoneyAsync(funding));
    }

    [Fact]
    public async Task An_editor_of_the_brand_reads_the_funding_page_but_a_transfer_they_post_is_refused_and_not_recorded()
    {
        var editorAccount = await factory.AccountAsync();
        var challenge = await ChallengesInReview.CreateAsync(factory, await factory.AccountAsync(), "Editor visit", editorAccount);
        var editor = await SignedInAsync(editorAccount);

        var page = await editor.GetAsync(new Uri(challenge.Funding, UriKind.Relative));
        var post = await BrandPages.PostAsync(editor, challenge.Funding, Reference("SEPA-EDITOR-1"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await Forms.ParseAsync(page);
        Assert.Null(html.QuerySelector("input[name='Input.Reference']"));
        Assert.Contains("Only the brand’s owners record transfers.", html.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await AssertForbiddenAsync(post);
        Assert.Equal(new MoneyState(0, 0, null), await MoneyAsync(challenge));
    }

    [Theory]
    [InlineData("moderator", "Confirm")]
    [InlineData("moderator", "Refuse")]
    [InlineData("brand owner", "Confirm")]
    [InlineData("brand owner", "Refuse")]
    public async Task Only_an_admin_opens_the_funding_desk_and_decides_on_a_transfer(string who, string handler)
    {
        var ownerAccount = await factory.AccountAsync();
        var challenge = await ChallengesInReview.CreateAsync(factory, ownerAccount, $"Desk refused to a {who}");
        var owner = await SignedInAsync(ownerAccount);
        await RecordAsync(owner, challenge, "SEPA-DESK-1");
        var transfer = await TransferAsync(challenge);
        var intruder = who == "brand owner" ? owner : await SignedInAsync(await factory.AccountAsync(Roles.Moderator));

        var page = await intruder.GetAsync(new Uri(Desk, UriKind.Relative));
        var post = await BrandPages.PostAsync(intruder, $"{Desk}?handler={handler}", new Dictionary<string, string>
        {
            ["Input.TransferId"] = transfer.Id.ToString(),
            ["Input.Version"] = transfer.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Reason"] = "Refused by someone who may not decide.",
            ["confirmed"] = "true",
        });

        await AssertForbiddenAsync(page);
        await AssertForbiddenAsync(post);
        Assert.Equal(PrizeTransferStatus.AwaitingConfirmation, (await TransferAsync(challenge)).Status);
        Assert.Equal(new MoneyState(0, 0, ChallengeInReview.Pool), await MoneyAsync(challenge));
    }

    [Fact]
    public async Task The_same_reference_posted_twice_at_once_records_one_transfer()
    {
        var ownerAccount = await factory.AccountAsync();
        var challenge = await ChallengesInReview.CreateAsync(factory, ownerAccount, "Double submit");
        var owner = await SignedInAsync(ownerAccount);
        var token = await BrandPages.TokenAsync(owner, challenge.Funding);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => owner.PostAsync(new Uri(challenge.Funding, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Reference"] = "SEPA-TWICE-1", ["__RequestVerificationToken"] = token }))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        var transfer = await TransferAsync(challenge); // Single: one transfer
        Assert.Equal(("SEPA-TWICE-1", ChallengeInReview.Pool, PrizeTransferStatus.AwaitingConfirmation), (transfer.Reference, transfer.Amount, transfer.Status));
        Assert.Equal(new MoneyState(0, 0, ChallengeInReview.Pool), await MoneyAsync(challenge));
    }

    [Fact]
    public async Task Two_admins_confirming_the_same_transfer_at_once_write_one_ledger_line_and_fund_the_pool_once()
    {
        var ownerAccount = await factory.AccountAsync();
        var challenge = await ChallengesInReview.CreateAsync(factory, ownerAccount, "Two admins");
        await RecordAsync(await SignedInAsync(ownerAccount), challenge, "SEPA-TWO-ADMINS");
        var transfer = await TransferAsync(challenge);
        var admins = await Task.WhenAll(SignedInAsync(await factory.AccountAsync(Roles.Admin)), SignedInAsync(await factory.AccountAsync(Roles.Admin)));
        var confirmations = await Task.WhenAll(admins.Select(admin => ConfirmationAsync(admin, transfer.Id)));

        var responses = await Task.WhenAll(admins.Zip(confirmations, (admin, form) => admin.PostAsync(new Uri($"{Desk}?handler=Confirm", UriKind.Relative), form)));

        Assert.All(responses, response => Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{response.StatusCode}"));
        Assert.Contains(responses, response => response.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(new MoneyState(1, ChallengeInReview.Pool, null), await MoneyAsync(challenge));
        Assert.Equal(PrizeTransferStatus.Confirmed, (await TransferAsync(challenge)).Status);
        var line = Assert.Single(await LedgerAsync(challenge));
        Assert.Equal((LedgerMovement.PrizeFunded, ChallengeInReview.Pool, "EUR", "SEPA-TWO-ADMINS"), (line.Movement, line.Amount, line.Currency, line.Reference));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_ledger_line()
    {
        var ownerAccount = await factory.AccountAsync();
        var challenge = await ChallengesInReview.CreateAsync(factory, ownerAccount, "Ledger kept");
        await RecordAsync(await SignedInAsync(ownerAccount), challenge, "SEPA-KEPT-1");
        var admin = await SignedInAsync(await factory.AccountAsync(Roles.Admin));
        var confirmed = await admin.PostAsync(new Uri($"{Desk}?handler=Confirm", UriKind.Relative), await ConfirmationAsync(admin, (await TransferAsync(challenge)).Id));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var line = Assert.Single(await LedgerAsync(challenge));

        await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(
            """UPDATE "LedgerEntries" SET "Amount" = 1, "Reference" = 'rewritten' WHERE "Id" = {0}""", line.Id));
        await Assert.ThrowsAsync<PostgresException>(() => SqlAsync("""DELETE FROM "LedgerEntries" WHERE "Id" = {0}""", line.Id));

        var kept = Assert.Single(await LedgerAsync(challenge));
        Assert.Equal((line.Id, line.Movement, line.Amount, line.Currency, line.Reference, line.RecordedAt),
            (kept.Id, kept.Movement, kept.Amount, kept.Currency, kept.Reference, kept.RecordedAt));
    }

    private static Dictionary<string, string> Reference(string reference) => new() { ["Input.Reference"] = reference };

    /// <summary>The owner records a transfer through the funding page's form, as the browser would.</summary>
    private static async Task RecordAsync(HttpClient owner, ChallengeInReview challenge, string reference)
    {
        var response = await Forms.SubmitAsync(owner, challenge.Funding, Reference(reference));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The desk's confirmation of one transfer, read from the admin's desk (its version and token), confirmed.</summary>
    private static async Task<FormUrlEncodedContent> ConfirmationAsync(HttpClient admin, Guid transferId)
    {
        var desk = await Forms.ParseAsync(await admin.GetAsync(new Uri(Desk, UriKind.Relative)));
        var form = desk.QuerySelectorAll($"form[action='{Desk}?handler=Confirm']")
            .Single(candidate => candidate.QuerySelector($"input[name='Input.TransferId'][value='{transferId}']") is not null);
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.TransferId"] = transferId.ToString(),
            ["Input.Version"] = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            ["confirmed"] = "true",
        });
    }

    private static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("We could not find this page", (await Forms.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You do not have access to this page", (await Forms.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    /// <summary>The money of a challenge: its ledger lines, what admins confirmed, what awaits them (null: nothing).</summary>
    private sealed record MoneyState(int LedgerLines, decimal Funded, decimal? Pending);

    private async Task<MoneyState> MoneyAsync(ChallengeInReview challenge)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var id = new ChallengeId(challenge.ChallengeId);
        var stored = await db.Challenges.AsNoTracking().Where(candidate => candidate.Id == id)
            .Select(candidate => new { candidate.FundedAmount, candidate.PendingTransferAmount }).SingleAsync();
        return new MoneyState(await db.LedgerEntries.CountAsync(line => line.ChallengeId == id), stored.FundedAmount, stored.PendingTransferAmount);
    }

    /// <summary>The challenge's one transfer (fails when there are none or several).</summary>
    private async Task<PrizeTransfer> TransferAsync(ChallengeInReview challenge)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var id = new ChallengeId(challenge.ChallengeId);
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().PrizeTransfers.AsNoTracking()
            .SingleAsync(transfer => transfer.ChallengeId == id);
    }

    private async Task<List<LedgerEntry>> LedgerAsync(ChallengeInReview challenge)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var id = new ChallengeId(challenge.ChallengeId);
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().LedgerEntries.AsNoTracking()
            .Where(line => line.ChallengeId == id).ToListAsync();
    }

    private async Task SqlAsync(string sql, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Database.ExecuteSqlRawAsync(sql, id);
    }
}
