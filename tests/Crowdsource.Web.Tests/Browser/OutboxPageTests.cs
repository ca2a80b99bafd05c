using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Notifications;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crowdsource.Web.Tests.Browser;

/// <summary>The admin's outbox page in a browser, in French: a parked e-mail with its reason, sent again in one click; axe finds nothing.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class OutboxPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_reads_why_an_email_is_parked_and_sends_it_again()
    {
        var address = $"boite.pleine.{Guid.NewGuid():N}@example.com";
        var parked = OutgoingEmail.Create(address, null, "Votre participation est reçue", "texte", "<p>html</p>", DateTimeOffset.UtcNow);
        while (parked.Status != OutgoingEmailStatus.Parked)
        {
            parked.MarkAttemptFailed("SmtpCommandException: 552 Mailbox full", DateTimeOffset.UtcNow);
        }

        await using (var scope = browser.Site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
            db.OutgoingEmails.Add(parked);
            await db.SaveChangesAsync();
        }

        var admin = await browser.Site.AccountAsync(Roles.Admin);
        var tab = await ZonedPages.NewPageAsync(browser.Browser, browser.BaseAddress, "Europe/Paris", "en-GB", bypassContentSecurityPolicy: true);
        await BrowserFixture.LogInAsync(tab, admin.Email, admin.Password);
        await tab.Locator("form.language-switch button[value=fr]").ClickAsync();
        await tab.GotoAsync("/Admin/Outbox");

        var row = tab.Locator("tr").Filter(new() { HasText = address });
        await Assertions.Expect(row).ToContainTextAsync("552 Mailbox full");
        await Assertions.Expect(row).ToContainTextAsync("Mis de côté");
        await Axe.AssertNoViolationsAsync(tab, "outbox");
        await BrowserFixture.ScreenshotAsync(tab, "outbox-01-parked");

        await row.GetByRole(AriaRole.Button, new() { Name = "Envoyer maintenant" }).ClickAsync();
        await Assertions.Expect(tab.GetByText("E-mails à renvoyer : 1. Ils partent dans quelques secondes.")).ToBeVisibleAsync();
        await using (var scope = browser.Site.Services.CreateAsyncScope())
        {
            var status = await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().OutgoingEmails
                .Where(email => email.Id == parked.Id).Select(email => email.Status).SingleAsync();
            Assert.NotEqual(OutgoingEmailStatus.Parked, status);
        }
    }
}
