using System.Collections.Concurrent;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Crowdsource.Application.Judging;

/// <summary>
/// Guaranteed prizes: when the judging deadline passes and the brand has not chosen, the panel's ranking decides
/// (highest weighted score per tier, ties to the earlier submission) and the results are announced. Due challenges
/// are locked with FOR UPDATE SKIP LOCKED, so with several app instances each challenge is awarded by exactly one
/// (the unique index on the awards' challenge and rank is a second safety net). A challenge without any approved
/// entry cannot be awarded: it stays in judging, overdue, for the moderators (a warning is logged once per app process). A choice the brand
/// made in time waits for a moderator's confirmation instead.
/// </summary>
public static partial class AwardOverdueChallenges
{
    public const int BatchSize = 20;

    /// <returns>The number of challenges awarded.</returns>
    public sealed record Command : ICommand<int>, ITransactional;

    internal sealed partial class Handler(ICrowdsourceDb db, ISiteLinks links, TimeProvider clock, ILogger<Command> logger) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var due = await db.Challenges
                .FromSql($"""
                    SELECT *, xmin FROM "Challenges" AS c
                    WHERE c."Status" = 'Judging' AND c."JudgingDeadline" <= {now} AND c."RankingLockedAt" IS NULL
                      AND c."WinnersSelectedAt" IS NULL
                      AND EXISTS (SELECT 1 FROM "Entries" AS e WHERE e."ChallengeId" = c."Id" AND e."Status" = 'Approved')
                    ORDER BY c."JudgingDeadline"
                    LIMIT {BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .IgnoreAutoIncludes() // the locking query must stay as written
                .ToListAsync(cancellationToken);

            foreach (var challenge in due)
            {
                var (_, approved, _, ranking) = await db.PanelScoresAsync(challenge, cancellationToken, forAwarding: true);
                var peoplesChoice = await db.PeoplesChoiceAsync(challenge, approved, cancellationToken);
                var awards = challenge.AwardByRanking(ranking, approved, peoplesChoice, now);
                await db.AnnounceAsync(links, challenge, awards, ranking, approved, null, "winners.awarded-by-ranking", now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await WarnAboutStuckChallengesAsync(now, cancellationToken);
            return due.Count;
        }

        /// <summary>The overdue challenges this process has already warned about: once each is enough for the logs.</summary>
        private static readonly ConcurrentDictionary<Guid, byte> Warned = new();

        /// <summary>Overdue challenges the job leaves to the moderators (shown on their desk): nothing approved to award, or a choice to confirm.</summary>
        private async Task WarnAboutStuckChallengesAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            var stuck = await db.Challenges.AsNoTracking()
                .Where(challenge => challenge.Status == ChallengeStatus.Judging && challenge.JudgingDeadline <= now && challenge.RankingLockedAt == null)
                .Select(challenge => new
                {
                    challenge.Id,
                    Chosen = challenge.WinnersSelectedAt != null,
                    Approved = db.Entries.Any(entry => entry.ChallengeId == challenge.Id && entry.Status == Domain.Entries.EntryStatus.Approved),
                })
                .ToListAsync(cancellationToken);
            foreach (var challenge in stuck.Where(challenge => Warned.TryAdd(challenge.Id.Value, 0)))
            {
                if (challenge.Chosen)
                {
                    LogAwaitingConfirmation(logger, challenge.Id.Value);
                }
                else if (!challenge.Approved)
                {
                    LogNothingToAward(logger, challenge.Id.Value);
                }
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Challenge {ChallengeId} is past its judging deadline without any approved entry: a moderator must decide")]
        private static partial void LogNothingToAward(ILogger logger, Guid challengeId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Challenge {ChallengeId} is past its judging deadline with the brand's choice awaiting a moderator's confirmation")]
        private static partial void LogAwaitingConfirmation(ILogger logger, Guid challengeId);
    }
}
