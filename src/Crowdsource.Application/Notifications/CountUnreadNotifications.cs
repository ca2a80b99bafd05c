using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Notifications;

/// <summary>
/// The number in the header's badge, on every page: a count over the partial index of unread notifications
/// (IX_Notifications_Unread), so it stays cheap however many old notifications a person has.
/// </summary>
public static class CountUnreadNotifications
{
    public sealed record Query : IQuery<int>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, int>
    {
        public async ValueTask<int> Handle(Query query, CancellationToken cancellationToken) =>
            currentUser.Id is { } userId
                ? await db.Notifications.CountAsync(notification => notification.UserId == userId && notification.ReadAt == null, cancellationToken)
                : 0;
    }
}
