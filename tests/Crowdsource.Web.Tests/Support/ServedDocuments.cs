using System.Reflection;
using Microsoft.Playwright;
using Xunit.Sdk;

[assembly: Crowdsource.Web.Tests.Support.CheckServedHtmlAfterEachBrowserTest]

namespace Crowdsource.Web.Tests.Support;

/// <summary>
/// Every HTML document a browser-test tab receives (a navigation of any frame, a link followed or a form sent,
/// answered 200 or 4xx with text/html), recorded as it arrives and checked by the Nu HTML Checker: where axe runs
/// (<see cref="Axe.AssertNoViolationsAsync"/>) for that tab, and after each browser test for whatever is left
/// (<see cref="CheckServedHtmlAfterEachBrowserTestAttribute"/>). <see cref="BrowserFixture"/> watches every context its
/// browser creates, so no test lists its pages.
/// </summary>
public static class ServedDocuments
{
    private static readonly Lock Gate = new();
    private static readonly List<(IBrowserContext Context, Task<Document?> Document)> Pending = [];

    /// <summary>Records the HTML documents this context's pages receive from now on.</summary>
    public static void Watch(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response += (_, response) =>
        {
            if (IsHtmlDocument(response))
            {
                var read = ReadAsync(response);
                lock (Gate)
                {
                    Pending.Add((context, read));
                }
            }
        };
    }

    /// <summary>
    /// The checker's errors on the documents received since the last check (by <paramref name="context"/>'s pages
    /// only, or by every page when null), one line each, prefixed by the document's address. Each document is checked once.
    /// <paramref name="onlyArrived"/>: leave out, for a later check, the documents whose body is still on its way (reading
    /// a body needs Playwright's message loop, which a caller that blocks its thread may be holding).
    /// </summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IBrowserContext? context, bool onlyArrived = false)
    {
        List<Task<Document?>> taken;
        lock (Gate)
        {
            bool Wanted((IBrowserContext Context, Task<Document?> Document) item) =>
                (context is null || ReferenceEquals(item.Context, context)) && (!onlyArrived || item.Document.IsCompleted);
            taken = [.. Pending.Where(Wanted).Select(item => item.Document)];
            Pending.RemoveAll(Wanted);
        }

        var errors = new List<string>();
        foreach (var document in await Task.WhenAll(taken))
        {
            if (document is not null)
            {
                errors.AddRange((await HtmlChecker.ErrorsAsync(document.Html)).Select(error => $"{document.Address} ({document.Status}) {error}"));
            }
        }

        return errors;
    }

    private static bool IsHtmlDocument(IResponse response) =>
        response.Request.IsNavigationRequest
        && response.Request.ResourceType == "document"
        && (response.Status == 200 || response.Status is >= 400 and < 500)
        && response.Headers.TryGetValue("content-type", out var type)
        && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    private static async Task<Document?> ReadAsync(IResponse response)
    {
        try
        {
            return new Document(new Uri(response.Url).PathAndQuery, response.Status, await response.TextAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
        {
            return null; // the tab or its context was closed, or it went on elsewhere, before the body arrived: nothing was shown
        }
    }

    private sealed record Document(string Address, int Status, string Html);
}

/// <summary>
/// After each test of the browser collection (which runs one test at a time), the Nu HTML Checker on every document
/// its tabs received that no axe check took: the test fails on any error.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class CheckServedHtmlAfterEachBrowserTestAttribute : BeforeAfterTestAttribute
{
    public override void After(MethodInfo methodUnderTest)
    {
        ArgumentNullException.ThrowIfNull(methodUnderTest);
        var browserTest = methodUnderTest.DeclaringType?.GetCustomAttributesData().Any(attribute =>
            attribute.AttributeType == typeof(CollectionAttribute)
            && attribute.ConstructorArguments is [{ Value: BrowserTestGroup.Name }]) ?? false;
        if (!browserTest)
        {
            return;
        }

        // This hook cannot be awaited: it waits only for the checker (over HTTP), never for Playwright.
        var errors = Task.Run(() => ServedDocuments.ErrorsAsync(null, onlyArrived: true)).GetAwaiter().GetResult();
        Assert.True(errors.Count == 0, $"The Nu HTML Checker finds, on pages this test visited:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }
}
