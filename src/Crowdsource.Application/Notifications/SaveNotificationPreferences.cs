using Crowdsource.Application.Common;
using Crowdsource.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Notifications;

/// <summary>
/// The signed-in person says which kinds of notification also come by e-mail: the kinds listed do, the others do not.
/// In-app notifications always arrive. Saving the same choice twice changes nothing.
/// </summary>
public static class SaveNotificationPreferences
{
    public sealed record Command(IReadOnlyCollection<NotificationKind> ByEmail) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var wanted = (command.ByEmail ?? []).ToHashSet();
            var saved = await db.NotificationPreferences.Where(preference => preference.UserId == userId).ToListAsync(cancellationToken);
            foreach (var kind in NotificationKinds.WithEmailChoice)
            {
                var byEmail = wanted.Contains(kind);
                if (saved.Find(preference => preference.Kind == kind) is { } existing)
                {
                    existing.Change(byEmail);
                }
                else
                {
                    db.NotificationPreferences.Add(NotificationPreference.Of(userId, kind, byEmail));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
