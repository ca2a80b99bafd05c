using Crowdsource.Application.Common;
using Crowdsource.Application.Notifications;
using Crowdsource.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.SavedSearches;

/// <summary>
/// A job of the clock: each saved search behind the latest publication hears, in its owner's notification centre, of
/// the public challenges published since it last looked that match it (one notification per challenge and person,
/// even when several of their searches match). No e-mail: the daily digest is the e-mail, for those who chose it.
/// Due searches are locked with FOR UPDATE SKIP LOCKED, so several app instances never notify twice.
/// </summary>
public static class NotifySavedSearchMatches
{
    public const int BatchSize = 50;

    /// <summary>At most this many challenges per search and round: a flood of publications waits for the next rounds.</summary>
    public const int MatchesPerRound = 20;

    /// <returns>The number of searches looked at.</returns>
    public sealed record Command : ICommand<int>, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var upTo = SavedSearchPublications.SettledBefore(clock.GetUtcNow());
            var due = await db.SavedSearches
                .FromSql($"""
                    SELECT * FROM "SavedSearches"
                    WHERE "NotifiedUpTo" < LEAST({upTo}, (SELECT max("PublishedAt") FROM "Challenges" WHERE "Visibility" = 'Public'))
                    ORDER BY "NotifiedUpTo"
                    LIMIT {BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken);

            foreach (var search in due)
            {
                var found = await SavedSearchPublications.MatchingAsync(db, search, search.NotifiedUpTo, upTo, MatchesPerRound, cancellationToken);
                var links = found.Select(challenge => Recipients.ChallengePage(challenge.Id)).ToList();
                var told = await db.Notifications
                    .Where(notification => notification.UserId == search.UserId && notification.Kind == NotificationKind.SavedSearchMatched && links.Contains(notification.Link))
                    .Select(notification => notification.Link)
                    .ToListAsync(cancellationToken);
                told.AddRange(db.Notifications.Local
                    .Where(notification => notification.UserId == search.UserId && notification.Kind == NotificationKind.SavedSearchMatched)
                    .Select(notification => notification.Link));

                foreach (var challenge in found.Where(challenge => !told.Contains(Recipients.ChallengePage(challenge.Id))))
                {
                    db.Notifications.Add(Notification.To(search.UserId, NotificationKind.SavedSearchMatched, challenge.Title,
                        Recipients.ChallengePage(challenge.Id), clock.GetUtcNow()));
                }

                // A full round may have left some: the next round starts after the last one announced.
                search.MarkNotified(found.Count == MatchesPerRound ? found[^1].PublishedAt : upTo);
            }

            await db.SaveChangesAsync(cancellationToken);
            return due.Count;
        }
    }
}
