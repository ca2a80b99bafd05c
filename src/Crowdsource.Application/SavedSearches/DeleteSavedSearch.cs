using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.SavedSearches;

/// <summary>The owner deletes a saved search. Deleting one already gone (a second click) is not an error; someone else's is never touched.</summary>
public static class DeleteSavedSearch
{
    public sealed record Command(Guid SavedSearchId) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            await db.SavedSearches.Where(search => search.Id == command.SavedSearchId && search.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
