using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Common.Behaviours;

/// <summary>
/// Wraps <see cref="ITransactional"/> requests in one transaction, inside EF Core's execution strategy so that a
/// transient failure retries the whole use case rather than half of it. A request sent while a transaction is
/// already open joins it.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(ICrowdsourceDb db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (message is not ITransactional || db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
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
            var response = await next(message, ct);
            await transaction.CommitAsync(ct);
            return response;
        }, cancellationToken);
    }
}
