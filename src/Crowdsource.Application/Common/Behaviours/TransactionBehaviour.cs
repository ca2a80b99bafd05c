using Mediator;

namespace Crowdsource.Application.Common.Behaviours;

/// <summary>
/// Wraps <see cref="ITransactional"/> requests in one transaction (<see cref="Transactions.InTransactionAsync"/>). A
/// request sent while a transaction is already open joins it.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(ICrowdsourceDb db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        return message is ITransactional
            ? await db.InTransactionAsync(async ct => await next(message, ct), cancellationToken)
            : await next(message, cancellationToken);
    }
}
