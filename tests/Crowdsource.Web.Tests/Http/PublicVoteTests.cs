using System.Net;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crowdsource.Web.Tests.Http;

/// <summary>The public vote page over HTTP: anyone may look, voting needs an account, and the server has the last word on time.</summary>
public sealed class PublicVoteTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<VotingChallenges.Arranged> VotingAsync() =>
        await VotingChallenges.CreateAsync(factory.Services, DateTimeOffset.UtcNow, await factory.AccountAsync(),
        [
            (await factory.AccountAsync(), "Jasmine Dusk", "A calm evening blend.", TestFiles.Png(40, 30, seed: 7)),
            (await factory.AccountAsync(), "Morning Ember", "Smoky and bright.", TestFiles.Png(40, 30, seed: 8)),
        ]);

    private static Dictionary<string, string> Choice(Guid entry) => new() { ["entryId"] = entry.ToString() };

    [Fact]
    public async Task A_visitor_sees_the_entries_but_must_log_in_to_vote()
    {
        var voting = await VotingAsync();
        var visitor = Client();

        var page = await Forms.ParseAsync(await visitor.GetAsync(new Uri(voting.VotePage, UriKind.Relative)));
        var response = await Forms.SubmitAsync(visitor, voting.VotePage, Choice(voting.Entries[0]));

        Assert.Equal(["Jasmine Dusk", "Morning Ember"], page.QuerySelectorAll(".vote-card h3").Select(title => title.TextContent.Trim()));
        Assert.Empty(page.QuerySelectorAll(".vote-card img")); // the pictures are for signed-in visitors
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_creative_votes_sees_the_choice_and_no_tally()
    {
        var voting = await VotingAsync();
        var voter = Client();
        await Forms.SignInAsync(voter, await factory.AccountAsync());

        var response = await Forms.SubmitAsync(voter, voting.VotePage, Choice(voting.Entries[1]));
        var page = await Forms.ParseAsync(await voter.GetAsync(new Uri(voting.VotePage, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Morning Ember", page.QuerySelector(".vote-card.is-chosen")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll(".vote-card img").Length);
        Assert.Null(page.QuerySelector(".vote-results"));
        var picture = page.QuerySelector(".vote-card img")!.GetAttribute("src")!;
        Assert.Equal("image/jpeg", (await voter.GetAsync(new Uri(picture, UriKind.Relative))).Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_vote_posted_after_the_vote_closed_is_refused_with_a_message_and_the_results_show()
    {
        var voting = await VotingAsync();
        var voter = Client();
        await Forms.SignInAsync(voter, await factory.AccountAsync());
        var form = await Forms.ParseAsync(await voter.GetAsync(new Uri(voting.VotePage, UriKind.Relative)));
        var token = form.QuerySelector(".vote-card form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        await VotingChallenges.CloseVoteAsync(factory.Services, voting.ChallengeId, DateTimeOffset.UtcNow.AddMinutes(-1));

        var response = await voter.PostAsync(new Uri(voting.VotePage, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["entryId"] = voting.Entries[0].ToString(),
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("The public vote is not open.", page.QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".vote-results"));
        Assert.Empty(page.QuerySelectorAll(".vote-card form"));
    }

    [Fact]
    public async Task The_challenge_page_links_to_the_vote_during_the_window()
    {
        var voting = await VotingAsync();

        var page = await Forms.ParseAsync(await Client().GetAsync(new Uri(voting.ChallengePage, UriKind.Relative)));

        Assert.NotNull(page.QuerySelector($".public-vote-facts a[href='{voting.VotePage}']"));
        Assert.Contains("€300", page.QuerySelector(".public-vote-facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_challenge_form_saves_the_public_vote_and_shows_a_bad_closing_time_next_to_its_field()
    {
        var member = Client();
        await Forms.SignInAsync(member, await factory.AccountAsync());
        var brand = await BrandPages.CreateBrandAsync(member, "Vote Lab");
        var challenge = await BrandPages.StartDraftAsync(member, brand, "Name our soda");
        var now = DateTimeOffset.UtcNow;
        var fields = BrandPages.CompleteChallenge("Name our soda", "soda", now);
        fields["Input.PublicVote"] = "true";
        fields["Input.PublicVoteClosesAt"] = BrandPages.DateTimeLocal(now.AddDays(3)); // before the deadline (in a week)

        var refused = await BrandPages.PostChallengeFormAsync(member, challenge, fields);
        fields["Input.PublicVoteClosesAt"] = BrandPages.DateTimeLocal(now.AddDays(10));
        fields["Input.PeoplesChoicePrize"] = "250";
        var saved = await BrandPages.PostChallengeFormAsync(member, challenge, fields);
        var form = await Forms.ParseAsync(await member.GetAsync(new Uri($"/Challenges/Edit/{challenge}", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("must close after the submission deadline",
            (await Forms.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Input.PublicVoteClosesAt']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(form.QuerySelector("#Input_PublicVote")!.HasAttribute("checked"));
        Assert.Equal(fields["Input.PublicVoteClosesAt"], form.QuerySelector("#Input_PublicVoteClosesAt")!.GetAttribute("value"));
        Assert.Equal("250", form.QuerySelector("#Input_PeoplesChoicePrize")!.GetAttribute("value"));
    }
}
