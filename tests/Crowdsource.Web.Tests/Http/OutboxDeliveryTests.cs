using System.Net;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Notifications;
using Crowdsource.Infrastructure.Email;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Infrastructure.Persistence.Availability;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Issue 12, "an outbox that never sends twice and never gives up silently": the site sends through a real SMTP
/// conversation to a fake server that fails on demand, on a PostgreSQL of the test's own that it kills mid-batch.
/// The outbox's runs are driven by the test (the background sender is removed: its first round at start-up raced the
/// test's own queueing), so each step is exact.
/// </summary>
public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private readonly CrowdsourceWebFactory _site = new();
    private readonly FakeSmtpServer _smtp = new();
    private PrivatePostgres _postgres = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PrivatePostgres.StartAsync();
        _site.UseDatabase(_postgres.ConnectionString);
        _site.ConfigureSite = builder =>
        {
            builder.UseSetting("Email:SmtpHost", "127.0.0.1");
            builder.UseSetting("Email:SmtpPort", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Email:SmtpSecurity", "None");
            builder.ConfigureTestServices(services => services.Remove(
                services.Single(descriptor => descriptor.ServiceType == typeof(IHostedService) && descriptor.ImplementationType == typeof(OutboxEmailSender))));
        };
        _ = _site.Server;
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _smtp.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task A_database_killed_in_the_middle_of_a_batch_sends_no_email_twice_and_loses_none()
    {
        var ids = await QueueAsync(10);
        _smtp.OnMessage = async _ =>
        {
            if (_smtp.Received.Count == 2)
            {
                // The third message has arrived and the server has not said so yet: the database goes now.
                _smtp.OnMessage = null;
                await _postgres.KillAsync();
            }
        };

        await DispatchAsync();

        Assert.Equal(3, _smtp.Received.Count);
        await _postgres.StartAgainAsync();
        await _site.Services.GetRequiredService<DatabaseAvailability>().WaitUntilAsync(down: false);
        await DispatchUntilIdleAsync();

        Assert.All(ids, id => Assert.Equal(1, _smtp.TimesReceived(id)));
        Assert.All(await StatusesAsync(ids), status => Assert.Equal(OutgoingEmailStatus.Sent, status));
    }

    [Fact]
    public async Task While_the_mail_server_is_down_emails_wait_without_being_parked_and_go_as_soon_as_it_answers()
    {
        var ids = await QueueAsync(3);
        _smtp.GoDown();

        // Far more runs than the attempts that park a refused message.
        for (var run = 0; run < OutgoingEmail.MaximumAttempts + 2; run++)
        {
            await DispatchAsync();
        }

        var waiting = await EmailsAsync(ids);
        Assert.All(waiting, email =>
        {
            Assert.Equal(OutgoingEmailStatus.Pending, email.Status);
            Assert.Equal(0, email.Attempts);
            Assert.Null(email.LeaseToken);
        });
        Assert.Contains("unavailable", waiting.Single(email => email.LastError is not null).LastError, StringComparison.Ordinal);

        _smtp.ComeBack();
        await DispatchAsync();

        Assert.All(ids, id => Assert.Equal(1, _smtp.TimesReceived(id)));
        Assert.All(await StatusesAsync(ids), status => Assert.Equal(OutgoingEmailStatus.Sent, status));
    }

    [Fact]
    public async Task A_refused_recipient_counts_an_attempt_and_waits_its_delay_while_the_others_go()
    {
        var refused = $"gone.{Guid.NewGuid():N}@example.com";
        _smtp.Refuse(refused);
        var refusedId = await QueueToAsync(refused);
        var others = await QueueAsync(2);

        await DispatchAsync();

        var email = (await EmailsAsync([refusedId])).Single();
        Assert.Equal(OutgoingEmailStatus.Pending, email.Status);
        Assert.Equal(1, email.Attempts);
        Assert.True(email.NextAttemptAt > DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Contains("No such mailbox", email.LastError, StringComparison.Ordinal);
        Assert.All(others, id => Assert.Equal(1, _smtp.TimesReceived(id)));
    }

    [Fact]
    public async Task An_admin_sees_parked_emails_with_the_reason_and_sends_them_again_and_nobody_else_can()
    {
        var parked = await QueueToAsync($"full.{Guid.NewGuid():N}@example.com", park: true);
        var admin = await SignedInAsync(Roles.Admin);

        using var page = await admin.GetAsync(new Uri("/Admin/Outbox", UriKind.Relative));
        var html = await Forms.ParseAsync(page);
        Assert.Equal("1", html.QuerySelector("[data-count='parked']")?.TextContent.Trim());
        var row = html.QuerySelector("tr.outbox-parked");
        Assert.NotNull(row);
        Assert.Contains("552 mailbox full", row.TextContent, StringComparison.Ordinal);

        var moderator = await SignedInAsync(Roles.Moderator);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(new Uri("/Admin/Outbox", UriKind.Relative))).StatusCode);

        var sendParked = html.Forms.Single(form => form.GetAttribute("action")!.Contains("handler=SendParked", StringComparison.Ordinal));
        var sent = await Forms.SubmitAsync(admin, "/Admin/Outbox", new Dictionary<string, string>(), sendParked.GetAttribute("action"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var again = (await EmailsAsync([parked])).Single();
        Assert.Equal(OutgoingEmailStatus.Pending, again.Status);
        Assert.Equal(0, again.Attempts);

        await DispatchAsync();
        Assert.Equal(1, _smtp.TimesReceived(parked));
    }

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var client = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(client, await _site.AccountAsync(role));
        return client;
    }

    private async Task<List<Guid>> QueueAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await QueueToAsync($"reader{i}.{Guid.NewGuid():N}@example.com"));
        }

        return ids;
    }

    private async Task<Guid> QueueToAsync(string address, bool park = false)
    {
        var email = OutgoingEmail.Create(address, null, "Outbox test", "text", "<p>html</p>", DateTimeOffset.UtcNow);
        while (park && email.Status != OutgoingEmailStatus.Parked)
        {
            email.MarkAttemptFailed("SmtpCommandException: 552 mailbox full", DateTimeOffset.UtcNow);
        }

        await using var scope = _site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        db.OutgoingEmails.Add(email);
        await db.SaveChangesAsync();
        return email.Id;
    }

    private async Task<int> DispatchAsync()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    private async Task DispatchUntilIdleAsync()
    {
        for (var run = 0; run < 10 && await DispatchAsync() > 0; run++)
        {
        }
    }

    private async Task<List<OutgoingEmail>> EmailsAsync(IReadOnlyCollection<Guid> ids)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        return await db.OutgoingEmails.AsNoTracking().Where(email => ids.Contains(email.Id)).ToListAsync();
    }

    private async Task<List<OutgoingEmailStatus>> StatusesAsync(IReadOnlyCollection<Guid> ids) =>
        [.. (await EmailsAsync(ids)).Select(email => email.Status)];
}
