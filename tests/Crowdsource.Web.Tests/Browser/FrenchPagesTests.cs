using Crowdsource.Application.Auditing;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Auditing;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>
/// Issue 13, "French rights in English": a French reader walks the pages where English leaked (the licence facts of a
/// challenge, file sizes on an entry, a blank score, the audit trail) and reads French only, with French typography.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FrenchPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_french_reader_sees_licence_facts_sizes_score_errors_and_the_audit_trail_in_french()
    {
        var owner = await browser.Site.AccountAsync();
        var judge = await browser.Site.AccountAsync(Roles.Moderator);
        TestAccount[] creatives = [await browser.Site.AccountAsync()];
        var challenge = await JudgedChallenges.CreateAsync(browser.Site.Services, owner, judge, creatives, scored: false, title: "Emballer notre chocolat");
        await RecordTrailAsync(challenge.ChallengeId);
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", "fr-FR", bypassContentSecurityPolicy: true);
        tab.SetDefaultTimeout(60_000); // signing in hashes a password: slow when the machine's cores are shared
        await tab.GotoAsync("/Account/Login");
        await tab.GetByLabel("Adresse e-mail").FillAsync(judge.Email);
        await tab.GetByLabel("Mot de passe").FillAsync(judge.Password);
        await tab.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(tab.Locator("form[action='/Account/Logout'] button")).ToBeVisibleAsync();
        await tab.SetViewportSizeAsync(375, 800);

        // The rights a creative gives up, in French (the seeded licence "Le créatif garde ses droits").
        await tab.GotoAsync($"/Challenges/{challenge.ChallengeId}");
        var facts = tab.Locator(".licence-facts");
        await Assertions.Expect(facts).ToContainTextAsync("Page de résultats et actualités sur le défi");
        await Assertions.Expect(facts).ToContainTextAsync("Monde entier");
        await Assertions.Expect(facts).ToContainTextAsync("Sans objet");
        await Assertions.Expect(facts).ToContainTextAsync("aux seuls projets gagnants");
        await Assertions.Expect(facts).Not.ToContainTextAsync("Worldwide");
        await Assertions.Expect(tab.Locator(".prize-rank").First).ToHaveTextAsync("1er prix");
        await Assertions.Expect(tab.Locator(".prize-rank").Nth(1)).ToHaveTextAsync("2e prix");
        await BrowserFixture.ScreenshotAsync(tab, "french-challenge-licence-375");

        // Sizes in "Ko" with a decimal comma where one is needed, never "KB" or "0.0 MB".
        await tab.GotoAsync(challenge.ScoreEntry(0));
        var size = tab.Locator(".asset-meta").First;
        await Assertions.Expect(size).ToContainTextAsync(" Ko");
        Assert.Matches(@"^· \d+(,\d)?\u00a0Ko$", await size.TextContentAsync());

        // A blank score asks for a mark in French, next to the field, without naming a C# property.
        await tab.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes notes" }).ClickAsync();
        var error = tab.Locator("[data-valmsg-for='Input.Marks[0].Value']");
        await Assertions.Expect(error).ToHaveTextAsync("Donnez une note de 0 à 10.");
        await Assertions.Expect(tab.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("'Value'");
        await BrowserFixture.ScreenshotAsync(tab, "french-blank-score-375");

        // The audit trail in words: no "challenge.submitted", no "Draft → InReview".
        await tab.GotoAsync($"/Moderation/Challenge/{challenge.ChallengeId}");
        var trail = tab.Locator(".audit-trail");
        await Assertions.Expect(trail).ToContainTextAsync("Envoyé en relecture");
        await Assertions.Expect(trail).ToContainTextAsync("Brouillon → En relecture");
        await Assertions.Expect(trail).ToContainTextAsync("Approuvé et publié");
        await Assertions.Expect(trail).Not.ToContainTextAsync("challenge.");
        await Assertions.Expect(trail).Not.ToContainTextAsync("InReview");
        Assert.Contains("1er prix\u00a0:", await tab.GetByRole(AriaRole.Main).TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(tab, "french-audit-trail-375");
        await Axe.AssertNoViolationsAsync(tab, "moderation challenge page in French");
    }

    /// <summary>The lines the use cases write when a brand sends a challenge for review and a moderator approves it.</summary>
    private async Task RecordTrailAsync(Guid challengeId)
    {
        await using var scope = browser.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        db.AuditEvents.Add(AuditEvent.Record(null, "Challenge", challengeId, AuditActions.ChallengeSubmitted, "Draft → InReview", at));
        db.AuditEvents.Add(AuditEvent.Record(null, "Challenge", challengeId, AuditActions.ChallengeApproved, "InReview → Scheduled", at.AddMinutes(5)));
        await db.SaveChangesAsync();
    }
}
