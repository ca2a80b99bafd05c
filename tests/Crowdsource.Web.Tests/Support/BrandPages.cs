using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;

namespace Crowdsource.Web.Tests.Support;

/// <summary>
/// The brand and challenge pages driven over HTTP as a browser would (antiforgery token included): create a brand,
/// start a draft, fill the challenge form, send it for review, approve it. Used to set the scene for tests.
/// </summary>
public static class BrandPages
{
    /// <summary>
    /// A token good for every form of the same visitor: from the layout's log-out form for someone signed in, else (public
    /// pages carry no token for anonymous visitors) from the log-in form.
    /// </summary>
    public static async Task<string> TokenAsync(HttpClient client, string path = "/")
    {
        ArgumentNullException.ThrowIfNull(client);
        foreach (var candidate in (string[])[path, "/Account/Login"])
        {
            var page = await Forms.ParseAsync(await client.GetAsync(new Uri(candidate, UriKind.Relative)));
            if (page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") is { } token)
            {
                return token;
            }
        }

        throw new InvalidOperationException($"No antiforgery token on {path} nor on the log-in page");
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="target"/> with a token read from the home page, as a hand-made form would.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string target, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await TokenAsync(client) };
        return await client.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>Creates a brand on /Brands/New and returns its id (from the redirect to its workspace).</summary>
    public static async Task<Guid> CreateBrandAsync(HttpClient client, string name)
    {
        var response = await Forms.SubmitAsync(client, "/Brands/New", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Slug"] = $"brand-{Guid.NewGuid():N}"[..20],
            ["Input.Description"] = $"{name} makes things.",
            ["Input.Website"] = "https://example.com",
        });
        return IdAfter(response, "/Brands/Workspace/");
    }

    /// <summary>Starts a draft from the brand's workspace and returns its id (from the redirect to its form).</summary>
    public static async Task<Guid> StartDraftAsync(HttpClient client, Guid brandId, string title)
    {
        var response = await PostAsync(client, $"/Brands/Workspace/{brandId}?handler=NewChallenge",
            new Dictionary<string, string> { ["NewChallengeTitle"] = title });
        return IdAfter(response, "/Challenges/Edit/");
    }

    /// <summary>
    /// Every field of a challenge that can go to review: submissions open in an hour, close in a week, judging
    /// ends in three weeks (as datetime-local values in UTC, the zone of a visitor without a "tz" cookie).
    /// </summary>
    public static Dictionary<string, string> CompleteChallenge(string title, string keyword, DateTimeOffset now) => new()
    {
        ["Input.Title"] = title,
        ["Input.Summary"] = $"Imagine the {keyword} of tomorrow.",
        ["Input.Brief"] = $"## What we want\n\nA **{keyword}** that people keep.",
        ["Input.Category"] = "Packaging",
        ["Input.Tags"] = "packaging, reuse",
        ["Input.Currency"] = "EUR",
        ["Input.PrizeAmounts[0]"] = "2000",
        ["Input.PrizeAmounts[1]"] = "500",
        ["Input.Criteria[0].Name"] = "Originality",
        ["Input.Criteria[0].Weight"] = "60",
        ["Input.Criteria[1].Name"] = "Feasibility",
        ["Input.Criteria[1].Weight"] = "40",
        ["Input.Visibility"] = "Public",
        ["Input.MaximumEntriesPerCreative"] = "3",
        ["Input.OpensAt"] = DateTimeLocal(now.AddHours(1)),
        ["Input.Deadline"] = DateTimeLocal(now.AddDays(7)),
        ["Input.JudgingDeadline"] = DateTimeLocal(now.AddDays(21)),
    };

    /// <summary>
    /// Posts the edit form of a challenge the client may edit, to one of its handlers (Save, Submit), with the
    /// version read from the form and, unless given, the first licence offered.
    /// </summary>
    public static async Task<HttpResponseMessage> PostChallengeFormAsync(
        HttpClient client, Guid challengeId, IReadOnlyDictionary<string, string> fields, string handler = "Save")
    {
        ArgumentNullException.ThrowIfNull(client);
        var path = $"/Challenges/Edit/{challengeId}";
        var form = await Forms.ParseAsync(await client.GetAsync(new Uri(path, UriKind.Relative)));
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            ["Input.Version"] = ((IHtmlInputElement)form.QuerySelector("input[name='Input.Version']")!).Value,
        };
        values.TryAdd("Input.LicenceVersionId", form.QuerySelector("input[name='Input.LicenceVersionId']")!.GetAttribute("value")!);
        return await client.PostAsync(new Uri($"{path}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>A complete challenge of the brand, sent for review by <paramref name="member"/>.</summary>
    public static async Task<Guid> ChallengeInReviewAsync(HttpClient member, Guid brandId, string title, string keyword)
    {
        var challengeId = await StartDraftAsync(member, brandId, title);
        var response = await PostChallengeFormAsync(member, challengeId, CompleteChallenge(title, keyword, DateTimeOffset.UtcNow), "Submit");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sending {title} for review failed: {response.StatusCode}\n{await Errors(response)}");
        }

        return challengeId;
    }

    public static async Task<HttpResponseMessage> ApproveAsync(HttpClient moderator, Guid challengeId) =>
        await PostAsync(moderator, $"/Moderation/Challenge/{challengeId}?handler=Approve", new Dictionary<string, string>());

    public static string DateTimeLocal(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static Guid IdAfter(HttpResponseMessage response, string pathPrefix)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var start = location.IndexOf(pathPrefix, StringComparison.Ordinal);
        if (response.StatusCode != HttpStatusCode.Redirect || start < 0)
        {
            throw new InvalidOperationException($"Expected a redirect to {pathPrefix}..., got {response.StatusCode} {location}");
        }

        var id = location[(start + pathPrefix.Length)..];
        return Guid.Parse(id.Split('?', '/')[0]);
    }

    private static async Task<string> Errors(HttpResponseMessage response) =>
        string.Join('\n', (await Forms.ParseAsync(response)).QuerySelectorAll(".invalid-feedback, #form-errors").Select(error => error.TextContent.Trim()));
}
