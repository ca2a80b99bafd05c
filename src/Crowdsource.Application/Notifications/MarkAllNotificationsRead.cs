using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Notifications;

/// <summary>The reader clears the badge: every unread notification of theirs is marked read, in one statement.</summary>
public static class MarkAllNotificationsRead
{
    /// <returns>How many were unread.</returns>
    public sealed record Command : ICommand<int>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var now = clock.GetUtcNow();
            return await db.Notifications
                .Where(notification => notification.UserId == userId && notification.ReadAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(notification => notification.ReadAt, now), cancellationToken);
        }
    }
}
