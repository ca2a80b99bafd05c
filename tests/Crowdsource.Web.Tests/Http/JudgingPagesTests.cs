using System.Net;
using System.Text;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Who may open the judging board, the scoring page, the brand's winner choice, the results and their CSV: the
/// moderation folder asks for a moderator (visitors log in, others get 403), the brand's page shows nothing to
/// strangers (404) and refuses the choice to Editors (403), results appear only once announced.
/// </summary>
public sealed class JudgingPagesTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    private async Task<(JudgedChallenge Challenge, TestAccount Owner, TestAccount Judge, TestAccount[] Creatives)> ArrangeAsync(bool announced = false)
    {
        var owner = await factory.AccountAsync();
        var judge = await factory.AccountAsync(Roles.Moderator);
        TestAccount[] creatives = [await factory.AccountAsync(), await factory.AccountAsync()];
        var challenge = await JudgedChallenges.CreateAsync(factory.Services, owner, judge, creatives, announced: announced);
        return (challenge, owner, judge, creatives);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    [Fact]
    public async Task Visitors_log_in_first_creatives_and_strangers_are_refused_the_judging_pages_and_strangers_see_no_winner_choice()
    {
        var (challenge, _, _, creatives) = await ArrangeAsync();
        var visitor = Client();
        var creative = await SignedInAsync(creatives[0]);
        var strangerOwner = await factory.AccountAsync();
        var stranger = await SignedInAsync(strangerOwner);
        await JudgedChallenges.CreateAsync(factory.Services, strangerOwner, await factory.AccountAsync(Roles.Moderator), [await factory.AccountAsync()], title: "Another brand");

        foreach (var path in new[] { challenge.Board, challenge.ScoreEntry(0), challenge.Winners })
        {
            var response = await GetAsync(visitor, path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(creative, challenge.Board)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(creative, challenge.ScoreEntry(0))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(stranger, challenge.Board)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(creative, challenge.Winners)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(stranger, challenge.Winners)).StatusCode);
    }

    [Fact]
    public async Task A_judge_scores_on_the_scoring_page_and_a_mark_out_of_range_is_shown_next_to_its_field()
    {
        var (challenge, _, judge, _) = await ArrangeAsync();
        var client = await SignedInAsync(judge);

        var board = await Forms.ParseAsync(await GetAsync(client, challenge.Board));
        Assert.Equal(2, board.QuerySelectorAll(".judging-table tbody tr").Length);

        var refused = await Forms.SubmitAsync(client, challenge.ScoreEntry(1), new Dictionary<string, string>
        {
            ["Input.Marks[0].Value"] = "11", ["Input.Marks[1].Value"] = "4",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        Assert.Equal("Give a mark from 0 to 10.", page.QuerySelector("[data-valmsg-for='Input.Marks[0].Value']")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-valmsg-for='Input.Marks[1].Value']"));

        var saved = await Forms.SubmitAsync(client, challenge.ScoreEntry(1), new Dictionary<string, string>
        {
            ["Input.Marks[0].Value"] = "10", ["Input.Marks[1].Value"] = "10", ["Input.OverallComment"] = "Changed my mind.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var score = await InDbAsync(db => db.Scorecards.Where(card => card.EntryId == new Domain.Entries.EntryId(challenge.Entries[1])).Select(card => card.OverallComment).SingleAsync());
        Assert.Equal("Changed my mind.", score);
    }

    [Fact]
    public async Task An_editor_sees_the_winner_choice_but_only_the_owner_saves_it()
    {
        var (challenge, owner, _, _) = await ArrangeAsync();
        var editorAccount = await factory.AccountAsync();
        await BrandMembers.AddAsync(factory.Services, challenge.BrandId, editorAccount, BrandRole.Editor);
        var editor = await SignedInAsync(editorAccount);
        var picks = new Dictionary<string, string> { ["Input.Picks[0]"] = challenge.Entries[1].ToString(), ["Input.Picks[1]"] = challenge.Entries[0].ToString() };

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(editor, challenge.Winners)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.SubmitAsync(editor, challenge.Winners, picks)).StatusCode);
        Assert.Equal(0, await InDbAsync(db => db.Challenges.Where(candidate => candidate.Id == new Domain.Challenges.ChallengeId(challenge.ChallengeId))
            .Select(candidate => candidate.WinnersSelectedAt == null ? 0 : 1).SingleAsync()));

        var unapproved = await Forms.SubmitAsync(await SignedInAsync(owner), challenge.Winners,
            new Dictionary<string, string> { ["Input.Picks[0]"] = challenge.NotApprovedEntry!.Value.ToString(), ["Input.Picks[1]"] = challenge.Entries[0].ToString() });
        Assert.Equal(HttpStatusCode.OK, unapproved.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(unapproved)).QuerySelector("#form-errors"));

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(await SignedInAsync(owner), challenge.Winners, picks)).StatusCode);
    }

    [Fact]
    public async Task Results_are_not_found_before_the_announcement_then_public_with_the_winners_images_and_the_csv_is_for_the_brand()
    {
        var (hidden, _, _, _) = await ArrangeAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Client(), hidden.Results)).StatusCode);

        var (challenge, owner, _, creatives) = await ArrangeAsync(announced: true);
        var visitor = Client();
        var results = await GetAsync(visitor, challenge.Results);
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        var page = await Forms.ParseAsync(results);
        Assert.Equal(["Paper fold", "Cocoa waves"], page.QuerySelectorAll(".winner-card h2").Select(title => title.TextContent));
        var image = page.QuerySelector(".winner-card img")!.GetAttribute("src")!;
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(visitor, image)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(visitor, $"/Entries/{challenge.NotApprovedEntry}")).StatusCode);
        Assert.Null(page.QuerySelector("a[href$='results.csv']"));

        var csvVisitor = await GetAsync(visitor, challenge.Csv);
        Assert.Equal(HttpStatusCode.Redirect, csvVisitor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(await SignedInAsync(creatives[0]), challenge.Csv)).StatusCode);
        var csv = await GetAsync(await SignedInAsync(owner), challenge.Csv);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("\"1\",\"Paper fold\",\"Web Tester\",\"8.20\",\"1/1\",\"9.00\",\"7.00\",\"5000 EUR\"", lines[1], StringComparison.Ordinal);

        var feedback = await Forms.ParseAsync(await GetAsync(await SignedInAsync(creatives[0]), $"/Entries/{challenge.Entries[0]}"));
        Assert.Contains("Two inks only: cheap to print.", feedback.QuerySelector("#feedback-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Judge 1", feedback.QuerySelector("#feedback-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    private async Task<T> InDbAsync<T>(Func<CrowdsourceDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>());
    }
}
