using Crowdsource.Domain.Notifications;
using Crowdsource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Crowdsource.Infrastructure.Email;

/// <summary>
/// Sends one batch of due e-mails. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several app instances
/// share the outbox without sending a message twice; a failure is recorded and retried later, never dropped.
/// </summary>
public sealed partial class OutboxDispatcher(
    CrowdsourceDbContext db, IEmailTransport transport, IOptions<EmailOptions> options, TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    /// <returns>How many messages were attempted.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var due = await db.OutgoingEmails
                .FromSql($"""
                    SELECT * FROM "OutgoingEmails"
                    WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {now}
                    ORDER BY "NextAttemptAt"
                    LIMIT {options.Value.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);

            foreach (var email in due)
            {
                try
                {
                    await transport.SendAsync(ToMimeMessage(email), ct);
                    email.MarkSent(clock.GetUtcNow());
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    email.MarkAttemptFailed($"{exception.GetType().Name}: {exception.Message}", clock.GetUtcNow());
                    LogFailed(logger, email.Id, email.Attempts, email.Status, exception);
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return due.Count;
        }, cancellationToken);
    }

    private MimeMessage ToMimeMessage(OutgoingEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(new MailboxAddress(email.ToName ?? string.Empty, email.ToAddress));
        message.Subject = email.Subject;
        message.MessageId = $"{email.Id:N}@crowdsource";
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {EmailId} failed (attempt {Attempts}, now {Status})")]
    private static partial void LogFailed(ILogger logger, Guid emailId, int attempts, OutgoingEmailStatus status, Exception exception);
}
