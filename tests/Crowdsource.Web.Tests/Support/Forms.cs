using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Crowdsource.Web.Tests.Support;

/// <summary>Reads pages and posts their forms as a browser would, antiforgery token included.</summary>
public static class Forms
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Gets <paramref name="path"/>, fills its form (the first, or the one posting to <paramref name="action"/>) and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, string path, IReadOnlyDictionary<string, string> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await ParseAsync(await client.GetAsync(new Uri(path, UriKind.Relative)));
        var form = page.Forms.First(candidate => action is null
            ? candidate.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && candidate.QuerySelector("input[name='__RequestVerificationToken']") is not null && !IsLayoutForm(candidate)
            : candidate.GetAttribute("action") == action);
        var values = new Dictionary<string, string>(fields);
        if (form.QuerySelector("input[name='__RequestVerificationToken']") is IHtmlInputElement token)
        {
            values["__RequestVerificationToken"] = token.Value; // the language switch has none
        }

        var target = form.GetAttribute("action") is { Length: > 0 } explicitAction ? explicitAction : path;
        return await client.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>Like <see cref="SubmitAsync"/> for a multipart form: fields plus files (field name, file name, bytes).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, string action,
        IReadOnlyDictionary<string, string> fields, params (string Field, string FileName, byte[] Content, string ClaimedType)[] files)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await ParseAsync(await client.GetAsync(new Uri(path, UriKind.Relative)));
        var form = page.Forms.First(candidate => !IsLayoutForm(candidate)
            && (candidate.GetAttribute("action") is { Length: > 0 } target ? target == action : path == action));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)form.QuerySelector("input[name='__RequestVerificationToken']")!).Value), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ClaimedType);
            content.Add(part, file.Field, file.FileName);
        }

        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static async Task SignInAsync(HttpClient client, TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var response = await SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Log in failed for {account.Email}: {response.StatusCode}");
        }
    }

    // The layout's language switch and log-out forms are on every page.
    private static bool IsLayoutForm(IHtmlFormElement form) =>
        form.ClassList.Contains("language-switch") || (form.GetAttribute("action") ?? string.Empty).EndsWith("/Account/Logout", StringComparison.Ordinal);
}
