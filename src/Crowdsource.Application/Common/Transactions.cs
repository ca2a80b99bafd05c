using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Common;

/// <summary>How a use case's writes commit together: the one place that opens a transaction.</summary>
internal static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, inside EF Core's execution strategy so that a transient failure
    /// retries the whole of it rather than half. Joins the transaction already open, if any.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this ICrowdsourceDb db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var attempt = 0;
        return await strategy.ExecuteAsync(async ct =>
        {
            if (attempt++ > 0)
            {
                // A retry starts from what the database holds, not from what the failed attempt tracked.
                db.ChangeTracker.Clear();
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }
}
