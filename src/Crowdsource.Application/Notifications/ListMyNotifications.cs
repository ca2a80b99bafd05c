using System.Globalization;
using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Notifications;

/// <summary>The signed-in person's notification centre: newest first, each said in the reader's current language.</summary>
public static class ListMyNotifications
{
    public const int PageSize = 30;

    public sealed record Query(int Page = 1) : IQuery<Result>;

    public sealed record Item(Guid Id, string Text, string Link, DateTimeOffset CreatedAt, bool IsRead);

    public sealed record Result(IReadOnlyList<Item> Items, int Page, bool HasMore, int Unread);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var page = Paging.Clamp(query.Page);
            // One round trip: the page and, alongside each row, the unread count (an uncorrelated subquery, run once).
            var rows = await db.Notifications.AsNoTracking()
                .Where(notification => notification.UserId == userId)
                .OrderByDescending(notification => notification.CreatedAt).ThenByDescending(notification => notification.Id)
                .Skip((page - 1) * PageSize)
                .Take(PageSize + 1)
                .Select(notification => new
                {
                    notification.Id, notification.Kind, notification.Subject, notification.Link, notification.CreatedAt,
                    IsRead = notification.ReadAt != null,
                    Unread = db.Notifications.Count(unread => unread.UserId == userId && unread.ReadAt == null),
                })
                .ToListAsync(cancellationToken);
            var unread = rows.Count > 0
                ? rows[0].Unread
                : await db.Notifications.CountAsync(notification => notification.UserId == userId && notification.ReadAt == null, cancellationToken);
            var culture = CultureInfo.CurrentUICulture;
            return new Result(
                [.. rows.Take(PageSize).Select(row => new Item(row.Id, Notifier.Describe(row.Kind, row.Subject, culture), row.Link, row.CreatedAt, row.IsRead))],
                page, rows.Count > PageSize, unread);
        }
    }
}
