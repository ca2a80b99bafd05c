using System.Text.Json;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Support;

/// <summary>axe-core (vendored in Accessibility/) run on a page: WCAG 2.1 A and AA rules; with it, the HTML the page was served with.</summary>
public static class Axe
{
    private static readonly string Script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe.min.js"));

    /// <summary>The violations on the page as it is now, one line each: rule (impact): the elements.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage tab)
    {
        ArgumentNullException.ThrowIfNull(tab);
        await tab.EvaluateAsync(Script);
        var result = await tab.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations" +
            ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        return [.. result.EnumerateArray().Select(violation => violation.GetString() ?? string.Empty)];
    }

    /// <summary>
    /// The page checks: axe on the page as it is now, and the Nu HTML Checker on every HTML document the tab's
    /// context received since the last check (<see cref="ServedDocuments"/>). Fails with the list of both, each
    /// prefixed by <paramref name="page"/>, when there is any.
    /// </summary>
    public static async Task AssertNoViolationsAsync(IPage tab, string page)
    {
        ArgumentNullException.ThrowIfNull(tab);
        var violations = (await ViolationsAsync(tab)).Select(violation => $"{page}: {violation}")
            .Concat((await ServedDocuments.ErrorsAsync(tab.Context)).Select(error => $"{page}: HTML {error}"))
            .ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
