using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Funding;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Funding;

/// <summary>The money side of a challenge, read from the ledger: the one place its balance is computed.</summary>
internal static class PrizePool
{
    /// <summary>
    /// What is in the challenge's pool now: funded minus paid out and returned (<see cref="LedgerEntry.Direction"/>, in
    /// SQL). Lines outside the pool (<see cref="LedgerEntry.PoolMovements"/>: an offer paid by the brand) do not count.
    /// </summary>
    public static Task<decimal> BalanceAsync(this ICrowdsourceDb db, ChallengeId challengeId, CancellationToken cancellationToken) =>
        db.LedgerEntries.Where(line => line.ChallengeId == challengeId && LedgerEntry.PoolMovements.Contains(line.Movement))
            .SumAsync(line => line.Movement == LedgerMovement.PrizeFunded ? line.Amount : -line.Amount, cancellationToken);

    /// <summary>
    /// The challenge, locked until the transaction commits: money movements of one challenge take turns, so two admins
    /// (or a double post) never both see the pool as it was.
    /// </summary>
    public static Task<Challenge> LockChallengeAsync(this ICrowdsourceDb db, ChallengeId challengeId, CancellationToken cancellationToken) =>
        db.Challenges
            .FromSql($"""SELECT *, xmin FROM "Challenges" WHERE "Id" = {challengeId.Value} FOR UPDATE""")
            .IgnoreAutoIncludes()
            .SingleAsync(cancellationToken);

    /// <summary>A unique index refused a second line for the same movement: someone recorded it a moment earlier.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}
