using Crowdsource.Application.Common;
using Crowdsource.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Notifications;

/// <summary>For each kind of notification, whether it also reaches the signed-in person by e-mail (yes unless they said no).</summary>
public static class GetNotificationPreferences
{
    public sealed record Query : IQuery<IReadOnlyList<Preference>>;

    public sealed record Preference(NotificationKind Kind, bool ByEmail);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<Preference>>
    {
        public async ValueTask<IReadOnlyList<Preference>> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var off = await db.NotificationPreferences.AsNoTracking()
                .Where(preference => preference.UserId == userId && !preference.ByEmail)
                .Select(preference => preference.Kind)
                .ToListAsync(cancellationToken);
            return [.. NotificationKinds.WithEmailChoice.Select(kind => new Preference(kind, !off.Contains(kind)))];
        }
    }
}
