using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Common;

/// <summary>
/// Named PostgreSQL advisory locks, held until the current transaction ends: two requests with the same key, on any
/// instance, take turns. The one place their SQL is written.
/// </summary>
internal static class TransactionLocks
{
    /// <summary>Waits for the lock named <paramref name="key"/>, then holds it until the use case's transaction ends.</summary>
    public static async Task LockUntilCommitAsync(this ICrowdsourceDb db, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }
}
