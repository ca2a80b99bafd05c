using System.Text;
using System.Text.RegularExpressions;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// A creative's whole journey with an entry: finds a challenge, reads the licence, uploads two images and watches the
/// progress, sees the entry and downloads the receipt, edits it, then withdraws it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class EntryJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crowdsource-entry-journey-").FullName;

    [Fact]
    public async Task A_creative_enters_a_challenge_under_its_licence_then_edits_and_withdraws_the_entry()
    {
        var word = $"oolong{Guid.NewGuid():N}"[..14]; // other tests share the site: find this challenge by a word of its own
        var title = $"Name our tea {word}";
        var challengePath = await OpenChallenges.CreateAsync(browser.Site, await browser.Site.AccountAsync(), title: title);
        var creative = await browser.Site.AccountAsync();
        var front = Write("front.png", TestFiles.Png(400, 300, seed: 11)); // ~360 KB each: big enough to watch the upload
        var back = Write("back.png", TestFiles.Png(400, 300, seed: 12));
        var folded = Write("folded.png", TestFiles.Png(120, 90, seed: 13));

        var page = await browser.NewPageAsync();
        await BrowserFixture.LogInAsync(page, creative.Email, creative.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();

        // The creative finds the challenge and opens the entry form: the licence comes first, in full if wanted.
        await page.GotoAsync($"/Challenges?q={word}");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(challengePath)));
        await page.GetByRole(AriaRole.Link, new() { Name = "Enter this challenge" }).ClickAsync();
        var licence = page.GetByRole(AriaRole.Region, new() { Name = "What you grant if you win" });
        await licence.GetByText("Read the full text").ClickAsync();
        await Assertions.Expect(licence.Locator(".licence-text")).ToBeVisibleAsync();
        await page.GetByLabel("Title of your entry").FillAsync("Oolong Moon");
        await page.GetByLabel("Description (optional)").FillAsync("A name that sounds like an evening.");
        await page.GetByLabel("Your files").SetInputFilesAsync([front, back]);
        await Assertions.Expect(page.Locator("#file-previews img")).ToHaveCountAsync(2);
        await page.GetByLabel("I have read and accept the licence").CheckAsync();
        await page.GetByLabel("I declare that this work is my own").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "entry-journey-01-form");

        // A slow connection: the progress bar shows the upload moving.
        var network = await page.Context.NewCDPSessionAsync(page);
        await network.SendAsync("Network.enable");
        await network.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 20, ["downloadThroughput"] = -1, ["uploadThroughput"] = 256 * 1024,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my entry" }).ClickAsync();
        var progress = page.Locator("#upload-progress");
        await Assertions.Expect(progress).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send my entry" })).ToBeDisabledAsync();
        await page.WaitForFunctionAsync("() => { const bar = document.getElementById('upload-progress'); return !bar || bar.value > 0; }");
        await BrowserFixture.ScreenshotAsync(page, "entry-journey-02-progress");
        await network.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = -1,
        });

        // The entry page: both images, and the receipt with the files' SHA-256.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Oolong Moon", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page).ToHaveURLAsync(EntryPath());
        await Assertions.Expect(page.Locator(".entry-files img")).ToHaveCountAsync(2);
        var receipt = page.GetByRole(AriaRole.Region, new() { Name = "Licence receipt" });
        await Assertions.Expect(receipt).ToContainTextAsync(TestFiles.Sha256(File.ReadAllBytes(front)));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, "entry-journey-03-entry");
        var download = await page.RunAndWaitForDownloadAsync(() => receipt.GetByRole(AriaRole.Link, new() { Name = "Download the licence receipt (PDF)" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.StartsWith("licence-receipt-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        Assert.Contains(TestFiles.Sha256(File.ReadAllBytes(back)), PdfReading.Of(pdf).Lines);

        // The creative edits the entry: a new title and one file instead of two; the receipt follows.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit this entry" }).ClickAsync();
        await page.GetByLabel("Title of your entry").FillAsync("Oolong Moon, folded");
        await page.GetByLabel("Replace the files (optional)").SetInputFilesAsync([folded]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my entry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Oolong Moon, folded", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".entry-files img")).ToHaveCountAsync(1);
        await Assertions.Expect(receipt).ToContainTextAsync(TestFiles.Sha256(File.ReadAllBytes(folded)));
        await Assertions.Expect(receipt).Not.ToContainTextAsync(TestFiles.Sha256(File.ReadAllBytes(front)));
        await BrowserFixture.ScreenshotAsync(page, "entry-journey-04-edited");

        // And withdraws it, once it has read what that means: it leaves judging, the receipt stays.
        await page.Locator("summary", new() { HasText = "Withdraw this entry" }).ClickAsync();
        await Assertions.Expect(page.GetByText("This cannot be undone.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw this entry" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1 + p .badge")).ToHaveTextAsync("Withdrawn");
        await Assertions.Expect(page.Locator("summary", new() { HasText = "Withdraw this entry" })).ToHaveCountAsync(0);
        await Assertions.Expect(receipt).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "My entries", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Oolong Moon, folded" })).ToContainTextAsync("Withdrawn");
        await BrowserFixture.ScreenshotAsync(page, "entry-journey-05-withdrawn");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [GeneratedRegex("/Entries/[0-9a-f-]{36}$")]
    private static partial Regex EntryPath();
}
