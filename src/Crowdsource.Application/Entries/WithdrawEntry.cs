using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Entries;
using Mediator;

namespace Crowdsource.Application.Entries;

/// <summary>The author withdraws an entry before the deadline: it leaves judging; its records stay.</summary>
public static class WithdrawEntry
{
    public sealed record Command(EntryId EntryId) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (entry, challenge) = await db.MyEntryAsync(currentUser, command.EntryId, cancellationToken);
            if (entry.Status == EntryStatus.Withdrawn)
            {
                return Unit.Value; // a second click changes nothing
            }

            var now = clock.GetUtcNow();
            entry.Withdraw(challenge, now);
            db.Record(currentUser.Id, Audit.Entry, entry.Id.Value, "entry.withdrawn", entry.Title, now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
