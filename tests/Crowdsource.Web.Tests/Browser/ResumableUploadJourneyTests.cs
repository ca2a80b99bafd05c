using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// Issue 12, resumable uploads in a browser: a creative enters with a 2.5 MB file whose second chunk is cut off on
/// the way (the connection reset); the page says the upload resumes, asks the server how much arrived, sends the rest,
/// and the entry keeps the exact file. In French, to read the resume message in the creative's language.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ResumableUploadJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dossier-{Guid.NewGuid():N}.pdf");

    [Fact]
    public async Task A_connection_cut_in_the_middle_of_an_upload_costs_a_chunk_and_the_entry_keeps_the_exact_file()
    {
        var content = TestFiles.LargePdf((2 * 1024 * 1024) + 512 * 1024, seed: 12);
        await File.WriteAllBytesAsync(_file, content);
        var challenge = await OpenChallenges.CreateAsync(browser.Site, await browser.Site.AccountAsync());
        var creative = await browser.Site.AccountAsync();
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", "en-GB", bypassContentSecurityPolicy: true);
        await BrowserFixture.LogInAsync(tab, creative.Email, creative.Password);
        await tab.Locator("form.language-switch button[value=fr]").ClickAsync();
        await Assertions.Expect(tab.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();

        var cut = 0;
        var chunksSent = new List<string>();
        await tab.RouteAsync("**/uploads/*", async route =>
        {
            if (route.Request.Method == "PUT")
            {
                chunksSent.Add(new Uri(route.Request.Url).Query);
                if (route.Request.Url.EndsWith("offset=1048576", StringComparison.Ordinal) && cut++ == 0)
                {
                    await route.AbortAsync("connectionreset");
                    return;
                }
            }

            await route.ContinueAsync();
        });

        await tab.GotoAsync($"{challenge}/enter");
        await tab.Locator("#Input_Title").FillAsync("Dossier repris");
        await tab.Locator("#Input_Files").SetInputFilesAsync(_file);
        await tab.Locator("#Input_AcceptLicence").CheckAsync();
        await tab.Locator("#Input_DeclareOriginal").CheckAsync();
        await tab.Locator("form[data-upload-progress] button[type=submit]").ClickAsync();

        await Assertions.Expect(tab.Locator(".upload-status")).ToHaveTextAsync("Connexion perdue : l’envoi reprend là où il s’est arrêté dès que le site répond.");
        await BrowserFixture.ScreenshotAsync(tab, "upload-01-resuming");
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync("Dossier repris");

        Assert.Equal(["?offset=0", "?offset=1048576", "?offset=1048576", "?offset=2097152"], chunksSent);
        Assert.Contains(TestFiles.Sha256(content), await tab.Locator("#receipt-title").Locator("xpath=..").TextContentAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_file);
}
