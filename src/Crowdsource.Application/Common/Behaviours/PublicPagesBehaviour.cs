using Mediator;

namespace Crowdsource.Application.Common.Behaviours;

/// <summary>
/// The one place kept public pages are evicted: after any command that succeeded (and committed: this runs outside the
/// transaction). Every command, rather than a hand-kept list of those that change public data, so a new use case
/// cannot forget it; commands are rare next to page views.
/// </summary>
public sealed class PublicPagesBehaviour<TMessage, TResponse>(IPublicPages publicPages)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var response = await next(message, cancellationToken);
        if (message is IBaseCommand)
        {
            await publicPages.ChangedAsync(CancellationToken.None); // the change is saved: evict even if the caller left
        }

        return response;
    }
}
