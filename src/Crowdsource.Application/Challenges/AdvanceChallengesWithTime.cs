using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
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

    internal sealed class Handler(ICrowdsourceDb db, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var due = await db.Challenges
                .FromSql($"""
                    SELECT *, xmin FROM "Challenges"
                    WHERE ("Status" = 'Scheduled' AND "SubmissionOpensAt" <= {now})
                       OR ("Status" = 'Open' AND "SubmissionDeadline" <= {now})
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
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return transitions;
        }
    }
}
