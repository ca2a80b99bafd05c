using Crowdsource.Domain.Notifications;
using Crowdsource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Crowdsource.Infrastructure.Email;

/// <summary>
/// One run of the outbox's sender. It leases a batch of due messages in one short statement (<c>FOR UPDATE SKIP
/// LOCKED</c>: several instances share the outbox without taking the same message), sends them one by one outside any
/// transaction, and records each outcome in its own short write as soon as it is known. So a database lost mid-run
/// costs at most the record of the message in flight, which is kept in memory and written before anything else is sent:
/// no message is sent twice because a batch's transaction was lost. (Only a process that dies between a server's
/// "accepted" and the record leaves a message to be sent again once its lease runs out; its Message-ID stays the same,
/// so mail systems can tell it is the same message.)
/// </summary>
public sealed partial class OutboxDispatcher(
    CrowdsourceDbContext db, IEmailTransport transport, OutboxSenderState state, IOptions<EmailOptions> options,
    TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    /// <returns>How many messages were attempted.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await RecordLateOutcomesAsync(cancellationToken);

        var lease = Guid.NewGuid();
        var leasedUntil = clock.GetUtcNow() + options.Value.LeaseDuration;
        var leased = await LeaseDueAsync(lease, leasedUntil, cancellationToken);
        var attempted = 0;
        var databaseAnswers = true;
        while (attempted < leased.Count && databaseAnswers && !cancellationToken.IsCancellationRequested
            && clock.GetUtcNow() + options.Value.SendTimeout <= leasedUntil)
        {
            var email = leased[attempted++];
            var outcome = await SendAsync(email, lease, cancellationToken);
            if (outcome.Result == DeliveryResult.NotAttempted)
            {
                attempted--;
                break;
            }

            databaseAnswers = await RecordAsync(email, outcome);
            if (outcome.Result == DeliveryResult.ServerUnavailable)
            {
                break;
            }
        }

        await ReleaseAsync(leased.Skip(attempted).ToList(), lease, databaseAnswers);
        return attempted;
    }

    private async Task<List<OutgoingEmail>> LeaseDueAsync(Guid lease, DateTimeOffset leasedUntil, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();

        // The same rule as OutgoingEmail.IsDue, in one statement, so that leasing is atomic across instances.
        var leased = await db.OutgoingEmails
            .FromSql($"""
                UPDATE "OutgoingEmails" SET "LeaseToken" = {lease}, "LeasedUntil" = {leasedUntil}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutgoingEmails"
                    WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {now} AND ("LeasedUntil" IS NULL OR "LeasedUntil" <= {now})
                    ORDER BY "NextAttemptAt"
                    LIMIT {options.Value.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .ToListAsync(cancellationToken);
        return [.. leased.OrderBy(email => email.NextAttemptAt).ThenBy(email => email.Id)];
    }

    private async Task<DeliveryOutcome> SendAsync(OutgoingEmail email, Guid lease, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(ToMimeMessage(email), cancellationToken);
            if (state.ServerUnavailable)
            {
                state.ServerUnavailable = false;
                LogServerBack(logger);
            }

            return new DeliveryOutcome(email.Id, lease, DeliveryResult.Sent, clock.GetUtcNow());
        }
        catch (EmailServerUnavailableException exception)
        {
            if (!state.ServerUnavailable)
            {
                state.ServerUnavailable = true;
                LogServerUnavailable(logger, exception);
            }

            return new DeliveryOutcome(email.Id, lease, DeliveryResult.ServerUnavailable, clock.GetUtcNow(), exception.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-transfer: the server never got the end of the message.
            return new DeliveryOutcome(email.Id, lease, DeliveryResult.NotAttempted, clock.GetUtcNow());
        }
        catch (Exception exception)
        {
            return new DeliveryOutcome(email.Id, lease, DeliveryResult.Refused, clock.GetUtcNow(), $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <returns>False when the database did not take the record (it is kept for the next run).</returns>
    private async Task<bool> RecordAsync(OutgoingEmail email, DeliveryOutcome outcome)
    {
        outcome.ApplyTo(email);
        try
        {
            // Not cancellable: once the server has the message, losing its record is what sends it twice.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The lease ran out and another sender took the message: its record wins, except that a sent message
            // is recorded as sent whoever holds it.
            db.ChangeTracker.Clear();
            LogLeaseLost(logger, email.Id);
            if (outcome.Result == DeliveryResult.Sent)
            {
                state.KeepUnrecorded([outcome]);
            }

            return true;
        }
        catch (Exception exception)
        {
            db.ChangeTracker.Clear();
            state.KeepUnrecorded([outcome]);
            LogNotRecorded(logger, email.Id, outcome.Result, exception);
            return false;
        }

        if (outcome.Result == DeliveryResult.Refused)
        {
            if (email.Status == OutgoingEmailStatus.Parked)
            {
                LogParked(logger, email.Id, email.Attempts, email.LastError);
            }
            else
            {
                LogRefused(logger, email.Id, email.Attempts, email.NextAttemptAt, email.LastError);
            }
        }

        return true;
    }

    /// <summary>Gives back the messages this run did not reach, so the next run (here or elsewhere) need not wait for the lease.</summary>
    private async Task ReleaseAsync(List<OutgoingEmail> notAttempted, Guid lease, bool databaseAnswers)
    {
        if (notAttempted.Count == 0)
        {
            return;
        }

        var outcomes = notAttempted.Select(email => new DeliveryOutcome(email.Id, lease, DeliveryResult.NotAttempted, clock.GetUtcNow())).ToList();
        if (!databaseAnswers)
        {
            state.KeepUnrecorded(outcomes);
            return;
        }

        notAttempted.ForEach(email => email.ReleaseLease());
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another sender took some of them meanwhile: they are its to send.
            db.ChangeTracker.Clear();
        }
        catch (Exception)
        {
            db.ChangeTracker.Clear();
            state.KeepUnrecorded(outcomes);
        }
    }

    /// <summary>Writes the outcomes an earlier run could not record, before anything new is sent; throws while the database cannot take them.</summary>
    private async Task RecordLateOutcomesAsync(CancellationToken cancellationToken)
    {
        var outcomes = state.TakeUnrecorded();
        if (outcomes.Count == 0)
        {
            return;
        }

        var recorded = false;
        try
        {
            db.ChangeTracker.Clear();
            var ids = outcomes.Select(outcome => outcome.EmailId).ToList();
            var emails = await db.OutgoingEmails.Where(email => ids.Contains(email.Id)).ToDictionaryAsync(email => email.Id, cancellationToken);
            foreach (var outcome in outcomes)
            {
                if (emails.TryGetValue(outcome.EmailId, out var email) && outcome.AppliesTo(email))
                {
                    outcome.ApplyTo(email);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            recorded = true;
        }
        finally
        {
            if (!recorded)
            {
                db.ChangeTracker.Clear();
                state.KeepUnrecorded(outcomes);
            }
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server is unavailable; e-mails wait until it answers")]
    private static partial void LogServerUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The mail server answers again; waiting e-mails are on their way")]
    private static partial void LogServerBack(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {EmailId} was refused (attempt {Attempts}, next at {NextAttemptAt}): {Error}")]
    private static partial void LogRefused(ILogger logger, Guid emailId, int attempts, DateTimeOffset? nextAttemptAt, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail {EmailId} was refused {Attempts} times and is parked until an admin sends it again (/Admin/Outbox): {Error}")]
    private static partial void LogParked(ILogger logger, Guid emailId, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {EmailId}: another sender took it after this one's lease ran out")]
    private static partial void LogLeaseLost(ILogger logger, Guid emailId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {EmailId} ({Result}) could not be recorded; it will be before anything else is sent")]
    private static partial void LogNotRecorded(ILogger logger, Guid emailId, DeliveryResult result, Exception exception);
}
