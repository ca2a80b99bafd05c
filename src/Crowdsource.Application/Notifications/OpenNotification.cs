using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Notifications;

/// <summary>The reader follows a notification: it is marked read and its link returned. Someone else's is not found.</summary>
public static class OpenNotification
{
    public sealed record Command(Guid NotificationId) : ICommand<string>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var notification = await db.Notifications
                .SingleOrDefaultAsync(candidate => candidate.Id == command.NotificationId && candidate.UserId == userId, cancellationToken)
                ?? throw new NotFoundException();
            if (!notification.IsRead)
            {
                notification.MarkRead(clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
            }

            return notification.Link;
        }
    }
}
