using System.Net;

namespace Crowdsource.Web.Tests.Support;

/// <summary>What the HTTP tests of irreversible actions check: a post without the confirmation did nothing and asks for it.</summary>
public static class Confirmations
{
    /// <summary>The page came back with the confirmation open: what happens, and the button that does it.</summary>
    public static async Task AssertAsksToConfirmAsync(HttpResponseMessage response, string confirmLabel)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var open = page.QuerySelectorAll("details.confirm-action[open]").ToList();
        var panel = Assert.Single(open);
        Assert.Contains("Nothing has been done yet", panel.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        var button = panel.QuerySelector("button[name='confirmed'][value='true']")!;
        Assert.StartsWith(confirmLabel, button.TextContent.Trim(), StringComparison.Ordinal);
    }
}
