using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the pages everyone meets first, in both languages.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{

    [Theory]
    [InlineData("/", "en-GB")]
    [InlineData("/", "fr-FR")]
    [InlineData("/Account/Register", "en-GB")]
    [InlineData("/Account/Login", "fr-FR")]
    [InlineData("/Account/ForgotPassword", "en-GB")]
    [InlineData("/no/such/page", "en-GB")]
    public async Task The_page_has_no_wcag_a_or_aa_violation(string path, string locale)
    {
        var page = await browser.NewPageAsync(locale, bypassContentSecurityPolicy: true);
        await page.GotoAsync(path);
        Assert.Empty((await Axe.ViolationsAsync(page)).Select(violation => violation));
    }

    [Fact]
    public async Task Form_errors_are_announced_and_focused_for_keyboard_and_screen_reader_users()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/ForgotPassword");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a reset link" }).ClickAsync();

        var errors = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(errors).ToBeFocusedAsync();
        await Assertions.Expect(errors).ToContainTextAsync("Enter your e-mail address.");
    }
}
