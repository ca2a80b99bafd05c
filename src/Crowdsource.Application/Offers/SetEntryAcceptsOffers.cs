using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Entries;
using Crowdsource.Domain.Entries;
using Mediator;

namespace Crowdsource.Application.Offers;

/// <summary>The author turns offers for their entry on or off (offers already made stay). Anyone else: not found.</summary>
public static class SetEntryAcceptsOffers
{
    public sealed record Command(EntryId EntryId, bool AcceptsOffers) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var (entry, _) = await db.MyEntryAsync(currentUser, command.EntryId, cancellationToken);
            if (entry.AcceptsOffers == command.AcceptsOffers)
            {
                return Unit.Value;
            }

            var now = clock.GetUtcNow();
            entry.SetAcceptsOffers(command.AcceptsOffers, now);
            db.Record(userId, Audit.Entry, entry.Id.Value, command.AcceptsOffers ? AuditActions.EntryOffersOn : AuditActions.EntryOffersOff, entry.Title, now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
