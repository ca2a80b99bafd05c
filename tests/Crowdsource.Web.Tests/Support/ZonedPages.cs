using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Support;

/// <summary>
/// Pages in a named time zone. The "tz" cookie the site's script would set on the first visit is set up front, so
/// no page reloads itself to learn the zone while a test is typing or axe is running.
/// </summary>
public static class ZonedPages
{
    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri site, string timeZone, string locale = "en-GB", bool bypassContentSecurityPolicy = false)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(site);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.ToString(),
            Locale = locale,
            TimezoneId = timeZone,
            BypassCSP = bypassContentSecurityPolicy,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        await context.AddCookiesAsync([new Cookie { Name = "tz", Value = Uri.EscapeDataString(timeZone), Url = site.ToString() }]);
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}
