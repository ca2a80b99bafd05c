using Crowdsource.Application.Administration;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Notifications;

/// <summary>
/// An admin has unsent e-mails go now, once the cause is fixed (a mailbox full, a relay refusing): one e-mail, or every
/// parked one. Sending again what is already waiting only skips its delay, so a double post is harmless.
/// </summary>
public static class SendEmailsAgain
{
    /// <param name="EmailId">The one e-mail; null for every parked e-mail.</param>
    public sealed record Command(Guid? EmailId) : ICommand<int>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            currentUser.RequireAdmin();
            var now = clock.GetUtcNow();
            List<OutgoingEmail> emails;
            if (command.EmailId is { } id)
            {
                emails = [await db.OutgoingEmails.SingleOrDefaultAsync(email => email.Id == id, cancellationToken) ?? throw new NotFoundException()];
            }
            else
            {
                emails = await db.OutgoingEmails.Where(email => email.Status == OutgoingEmailStatus.Parked).ToListAsync(cancellationToken);
            }

            emails.ForEach(email => email.SendAgain(now));
            await db.SaveChangesAsync(cancellationToken);
            return emails.Count;
        }
    }
}
