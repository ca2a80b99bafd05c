using Crowdsource.Application.Common;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Accounts;

/// <summary>
/// The one door to the outbox for account e-mails. It caps how many of one kind reach one address per hour, across
/// every instance of the site (the count and the insert happen under a transaction-scoped lock on the address), and
/// it does the same work when there is nothing to send, so timing tells nothing about the account.
/// </summary>
internal static class AccountMailbox
{
    /// <summary>
    /// Queues <paramref name="email"/> (null when the address has no account, or nothing is due) unless the address
    /// already got its share of <paramref name="kind"/>. Needs the request's transaction (<see cref="ITransactional"/>).
    /// The caller saves.
    /// </summary>
    public static async Task QueueAsync(this ICrowdsourceDb db, string recipient, string kind, OutgoingEmail? email,
        AccountEmailLimits limits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(limits);
        await db.LockUntilCommitAsync("account-email/" + kind + "/" + recipient.ToUpperInvariant(), cancellationToken);

        // A commit that wrote the e-mail would otherwise wait for the disk and one that wrote nothing would not: a few
        // milliseconds that tell whether the account exists. Not waiting may lose the e-mail if the database crashes
        // in the next fraction of a second; the person then asks (or registers) again.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit TO OFF", cancellationToken);
        var since = now - AccountEmailLimits.Window;
        var recent = await db.OutgoingEmails.CountAsync(
            sent => sent.ToAddress == recipient && sent.Kind == kind && sent.CreatedAt > since, cancellationToken);
        if (email is not null && recent < limits.AccountEmailsPerRecipientPerHour)
        {
            db.OutgoingEmails.Add(email);
        }
    }
}
