using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Entries;
using Mediator;

namespace Crowdsource.Application.Entries;

/// <summary>
/// The author shows an entry on their public profile, or hides it again. Only after the results (the entry checks
/// it); a published entry becomes visible to everyone. Sending the same choice twice changes nothing.
/// </summary>
public static class ShowEntryOnPortfolio
{
    public sealed record Command(EntryId EntryId, bool Show) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (entry, challenge) = await db.MyEntryAsync(currentUser, command.EntryId, cancellationToken);
            if ((entry.PublishedToPortfolioAt is not null) == command.Show)
            {
                return Unit.Value;
            }

            var now = clock.GetUtcNow();
            entry.ShowOnPortfolio(challenge, command.Show, now);
            db.Record(currentUser.Id, Audit.Entry, entry.Id.Value, command.Show ? "entry.published" : "entry.unpublished", entry.Title, now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
