using System.Net;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crowdsource.Web.Tests.Http;

/// <summary>Questions on the brief and following, through the challenge page.</summary>
public sealed class ChallengeQuestionsTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    private Task<string> OpenChallengeAsync(TestAccount owner) => OpenChallenges.CreateAsync(factory, owner);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields) =>
        await Forms.SubmitAsync(client, page, fields, action: $"{page}?handler={handler}");

    /// <summary>Posts to a handler whose form the page does not offer this person, with their own valid antiforgery token.</summary>
    private static async Task<HttpResponseMessage> ForgedPostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var token = (await Forms.ParseAsync(await client.GetAsync(new Uri(page, UriKind.Relative))))
            .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await client.PostAsync(new Uri($"{page}?handler={handler}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_invited_to_log_in_to_ask_and_cannot_post_a_question()
    {
        var page = await OpenChallengeAsync(await factory.AccountAsync());
        var html = await Forms.ParseAsync(await Client().GetAsync(new Uri(page, UriKind.Relative)));
        Assert.NotNull(html.QuerySelector("a[href*='/Account/Login']"));
        Assert.Null(html.QuerySelector("textarea[name='Input.Text']"));

        // A token of the anonymous visitor's own (the log-in form's; the challenge page carries none): the post gets past
        // antiforgery, not past sign-in.
        var visitor = Client();
        var tokenPage = await visitor.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = (await Forms.ParseAsync(tokenPage)).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{page}?handler=Ask", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Text"] = "Sneaky?" }),
        };
        if (tokenPage.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            request.Headers.Add("Cookie", cookies.Select(cookie => cookie.Split(';')[0]));
        }

        var response = await visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_creative_asks_the_brand_answers_in_public_and_another_creative_reads_it_without_the_name()
    {
        var ownerAccount = await factory.AccountAsync();
        var page = await OpenChallengeAsync(ownerAccount);
        var chloe = await SignedInAsync(await factory.AccountAsync());
        var other = await SignedInAsync(await factory.AccountAsync());
        var brand = await SignedInAsync(ownerAccount);

        var asked = await PostAsync(chloe, page, "Ask", new() { ["Input.Text"] = "Can the name be in French?" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.DoesNotContain("Can the name be in French?", await (await other.GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var brandPage = await Forms.ParseAsync(await brand.GetAsync(new Uri(page, UriKind.Relative)));
        var questionId = brandPage.QuerySelector("input[name='Input.QuestionId']")!.GetAttribute("value")!;
        var answered = await PostAsync(brand, page, "Answer", new() { ["Input.QuestionId"] = questionId, ["Input.Answer"] = "Yes, or both." });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var seenByOther = await Forms.ParseAsync(await other.GetAsync(new Uri(page, UriKind.Relative)));
        var question = Assert.Single(seenByOther.QuerySelectorAll("#questions .question"));
        Assert.Contains("Can the name be in French?", question.TextContent, StringComparison.Ordinal);
        Assert.Contains("Yes, or both.", question.TextContent, StringComparison.Ordinal);
        Assert.Contains("A creative asked", question.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Web Tester", question.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_question_is_shown_again_with_a_message_on_its_field()
    {
        var page = await OpenChallengeAsync(await factory.AccountAsync());
        var chloe = await SignedInAsync(await factory.AccountAsync());

        var response = await PostAsync(chloe, page, "Ask", new() { ["Input.Text"] = "  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.ParseAsync(response);
        Assert.Contains("Write your question", html.QuerySelector("[data-valmsg-for='Input.Text']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_creative_cannot_answer_and_a_signed_in_visitor_follows_and_unfollows()
    {
        var ownerAccount = await factory.AccountAsync();
        var page = await OpenChallengeAsync(ownerAccount);
        var chloe = await SignedInAsync(await factory.AccountAsync());
        await PostAsync(chloe, page, "Ask", new() { ["Input.Text"] = "Is a pun allowed?" });
        var brandPage = await Forms.ParseAsync(await (await SignedInAsync(ownerAccount)).GetAsync(new Uri(page, UriKind.Relative)));
        var questionId = brandPage.QuerySelector("input[name='Input.QuestionId']")!.GetAttribute("value")!;

        var forged = await ForgedPostAsync(chloe, page, "Answer", new() { ["Input.QuestionId"] = questionId, ["Input.Answer"] = "Sure!" });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(chloe, page, "Follow", new())).StatusCode);
        var following = await Forms.ParseAsync(await chloe.GetAsync(new Uri(page, UriKind.Relative)));
        Assert.NotNull(following.QuerySelector("form[action$='handler=Unfollow']"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(chloe, page, "Unfollow", new())).StatusCode);
        Assert.NotNull((await Forms.ParseAsync(await chloe.GetAsync(new Uri(page, UriKind.Relative)))).QuerySelector("form[action$='handler=Follow']"));
    }
}
