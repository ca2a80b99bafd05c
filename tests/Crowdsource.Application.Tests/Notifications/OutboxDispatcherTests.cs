using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Notifications;
using Crowdsource.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Crowdsource.Application.Tests.Notifications;

public sealed class OutboxDispatcherTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task<Guid> QueueAsync(string to)
    {
        var email = OutgoingEmail.Create(to, "Ada", "Hello", "Body with https://crowdsource.test/link", "<p>Body</p>", fixture.Clock.GetUtcNow());
        await fixture.DbAsync(async db =>
        {
            db.OutgoingEmails.Add(email);
            return await db.SaveChangesAsync();
        });
        return email.Id;
    }

    private Task<OutgoingEmail> ReloadAsync(Guid id) =>
        fixture.DbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(email => email.Id == id));

    private static async Task<int> DispatchAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Delivers_a_due_email_to_the_pickup_folder_and_marks_it_sent()
    {
        var to = Support.Accounts.NewEmail("reader");
        var id = await QueueAsync(to);

        await DispatchAsync(fixture.Services);

        var sent = await ReloadAsync(id);
        Assert.Equal(OutgoingEmailStatus.Sent, sent.Status);
        var file = Assert.Single(Directory.GetFiles(fixture.PickupDirectory, $"{id:N}*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(to, message.To.Mailboxes.Single().Address);
        Assert.Contains("https://crowdsource.test/link", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_server_leaves_the_email_queued_for_a_later_retry()
    {
        await using var failing = fixture.BuildServices(services => services.AddSingleton<IEmailTransport, RefusingTransport>());
        var id = await QueueAsync(Support.Accounts.NewEmail("unlucky"));

        await DispatchAsync(failing);

        var email = await ReloadAsync(id);
        Assert.Equal(OutgoingEmailStatus.Pending, email.Status);
        Assert.Equal(1, email.Attempts);
        Assert.Equal(fixture.Clock.GetUtcNow().AddMinutes(1), email.NextAttemptAt);
        Assert.Contains("554", email.LastError, StringComparison.Ordinal);

        // Not due yet: the next pass leaves it alone; once the delay is over, a working server delivers it.
        await DispatchAsync(failing);
        Assert.Equal(1, (await ReloadAsync(id)).Attempts);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync(fixture.Services);
        Assert.Equal(OutgoingEmailStatus.Sent, (await ReloadAsync(id)).Status);
    }

    [Fact]
    public async Task Two_senders_running_at_once_deliver_each_email_once()
    {
        await using var counting = fixture.BuildServices(services => services.AddSingleton<IEmailTransport, CountingTransport>());
        var transport = (CountingTransport)counting.GetRequiredService<IEmailTransport>();
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await QueueAsync(Support.Accounts.NewEmail($"crowd{i}")));
        }

        await Task.WhenAll(
            Task.Run(async () => { while (await DispatchAsync(counting) > 0) { } }),
            Task.Run(async () => { while (await DispatchAsync(counting) > 0) { } }));

        Assert.All(ids, id => Assert.Equal(1, transport.TimesSent(id)));
        var statuses = await fixture.DbAsync(db => db.OutgoingEmails.Where(email => ids.Contains(email.Id)).Select(email => email.Status).ToListAsync());
        Assert.All(statuses, status => Assert.Equal(OutgoingEmailStatus.Sent, status));
    }

    private sealed class RefusingTransport : IEmailTransport
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("554 Transaction failed");
    }

    /// <summary>Stands in for the SMTP server (outside our system) and counts deliveries per message.</summary>
    private sealed class CountingTransport : IEmailTransport
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _sent = new();

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await Task.Yield();
            _sent.AddOrUpdate(message.MessageId!, 1, (_, count) => count + 1);
        }

        public int TimesSent(Guid id) => _sent.GetValueOrDefault($"{id:N}@crowdsource");
    }
}
