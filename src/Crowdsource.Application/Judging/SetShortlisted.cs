using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Entries;
using Mediator;

namespace Crowdsource.Application.Judging;

/// <summary>A judge of the panel puts an approved entry on the shortlist (or takes it off), until the ranking is locked.</summary>
public static class SetShortlisted
{
    public sealed record Command(EntryId EntryId, bool Shortlisted) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (entry, challenge, conflict) = await db.EntryToJudgeAsync(currentUser, command.EntryId, cancellationToken, tracked: true);
            conflict.EnsureMayJudge();
            await db.EnsureOnPanelAsync(challenge.Id, currentUser.RequireId(), cancellationToken);
            if (entry.IsShortlisted == command.Shortlisted)
            {
                return Unit.Value;
            }

            entry.SetShortlisted(challenge, command.Shortlisted);
            db.Record(currentUser.Id, Audit.Entry, entry.Id.Value, command.Shortlisted ? "entry.shortlisted" : "entry.unshortlisted", entry.Title, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
