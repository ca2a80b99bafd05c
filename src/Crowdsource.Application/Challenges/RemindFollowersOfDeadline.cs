using Crowdsource.Application.Common;
using Crowdsource.Application.Notifications;
using Crowdsource.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>
/// The clock's second job: a day before a challenge's deadline, its followers hear that time is running out, once.
/// Due challenges are locked with FOR UPDATE SKIP LOCKED, so several app instances never remind twice.
/// </summary>
public static class RemindFollowersOfDeadline
{
    public const int BatchSize = 50;

    /// <returns>The number of challenges whose followers were reminded.</returns>
    public sealed record Command : ICommand<int>, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ISiteLinks links, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var soon = now + Domain.Challenges.Challenge.DeadlineReminderNotice;
            var due = await db.Challenges
                .FromSql($"""
                    SELECT *, xmin FROM "Challenges"
                    WHERE "Status" = 'Open' AND "DeadlineReminderSentAt" IS NULL
                      AND "SubmissionDeadline" <= {soon} AND "SubmissionDeadline" > {now}
                    ORDER BY "SubmissionDeadline"
                    LIMIT {BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .IgnoreAutoIncludes()
                .ToListAsync(cancellationToken);

            var reminded = 0;
            foreach (var challenge in due.Where(candidate => candidate.IsDeadlineReminderDue(now)))
            {
                challenge.MarkDeadlineReminderSent(now);
                await db.NotifyAsync(links, await db.FollowersAsync(challenge.Id, cancellationToken), NotificationKind.DeadlineSoon, challenge.Title,
                    Recipients.ChallengePage(challenge.Id), now, cancellationToken);
                reminded++;
            }

            await db.SaveChangesAsync(cancellationToken);
            return reminded;
        }
    }
}
