using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// The HTML check every browser test gets without naming its pages: a document a tab is served, whichever test made
/// the tab, reaches the Nu HTML Checker, and an error in it is reported with its address.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ServedHtmlCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_invalid_document_a_tab_is_served_is_reported_with_its_address()
    {
        if (HtmlChecker.Jar is null)
        {
            return; // no checker here (and not under CI, where HtmlChecker.Jar throws): nothing to show
        }

        var tab = await browser.NewPageAsync();
        await tab.RouteAsync("**/served-html-check", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = "<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><span><form></form></span><li>stray</li></body></html>",
        }));
        await tab.GotoAsync("/served-html-check");
        await tab.GotoAsync("/");

        var errors = await ServedDocuments.ErrorsAsync(tab.Context);

        Assert.Contains(errors, error => error.StartsWith("/served-html-check (200)", StringComparison.Ordinal) && error.Contains("“li”", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, error => error.StartsWith("/ ", StringComparison.Ordinal)); // the home page is valid
        Assert.Empty(await ServedDocuments.ErrorsAsync(tab.Context)); // each document is reported once
    }
}
