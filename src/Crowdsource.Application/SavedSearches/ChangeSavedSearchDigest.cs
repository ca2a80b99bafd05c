using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.SavedSearches;

/// <summary>The owner of a saved search turns its daily e-mail digest on or off. Someone else's search is not found.</summary>
public static class ChangeSavedSearchDigest
{
    public sealed record Command(Guid SavedSearchId, bool EmailDigest) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var search = await db.SavedSearches.SingleOrDefaultAsync(search => search.Id == command.SavedSearchId && search.UserId == userId, cancellationToken)
                ?? throw new NotFoundException();
            search.ChooseEmailDigest(command.EmailDigest, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
