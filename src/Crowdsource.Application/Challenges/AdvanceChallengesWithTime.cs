using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Notifications;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>
/// The clock's job: opens scheduled challenges and closes submissions at the deadline, without anyone visiting a
/// page. Due challenges are locked with FOR UPDATE SKIP LOCKED, so when several app instances run this at once,
/// each transition is made (and audited) by exactly one of them.
/// </summary>
public static class AdvanceChallengesWithTime
{
    public const int BatchSize = 100;

    /// <returns>The number of transitions made.</returns>
    public sealed record Command : ICommand<int>, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ISiteLinks links, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            // The candidates of each status through its own index: one OR of the two read every listed challenge
            // (0.6 s at 100,000 challenges, on every tick of the clock).
            var due = await db.Challenges
                .FromSql($"""
                    SELECT *, xmin FROM "Challenges"
                    WHERE "Id" IN (
                        (SELECT "Id" FROM "Challenges" WHERE "Status" = 'Scheduled' AND "SubmissionOpensAt" <= {now}
                         ORDER BY "SubmissionOpensAt" LIMIT {BatchSize})
                        UNION ALL
                        (SELECT "Id" FROM "Challenges" WHERE "Status" = 'Open' AND "SubmissionDeadline" <= {now}
                         ORDER BY "SubmissionDeadline" LIMIT {BatchSize}))
                    ORDER BY "SubmissionDeadline"
                    LIMIT {BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .IgnoreAutoIncludes() // the locking query must stay as written; time moves nothing but the status
                .ToListAsync(cancellationToken);

            var transitions = 0;
            foreach (var challenge in due)
            {
                foreach (var transition in challenge.AdvanceWithTime(now))
                {
                    var action = transition.To == ChallengeStatus.Open ? "challenge.opened" : "challenge.judging-started";
                    db.Record(null, Audit.Challenge, challenge.Id.Value, action, $"{transition.From} → {transition.To}", transition.At);
                    transitions++;
                    if (transition.To == ChallengeStatus.Judging)
                    {
                        // The entrants and the followers hear that submissions are closed and judging has begun.
                        var entrants = await db.EntrantsAsync(challenge.Id, cancellationToken);
                        var followers = await db.FollowersAsync(challenge.Id, cancellationToken);
                        await db.NotifyAsync(links, [.. entrants, .. followers], NotificationKind.JudgingStarted, challenge.Title,
                            Recipients.ChallengePage(challenge.Id), transition.At, cancellationToken);
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return transitions;
        }
    }
}
