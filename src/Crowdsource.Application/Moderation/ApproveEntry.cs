using Crowdsource.Application.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Notifications;
using Mediator;

namespace Crowdsource.Application.Moderation;

/// <summary>A moderator lets a submitted entry into judging; its author is told.</summary>
public static class ApproveEntry
{
    /// <param name="EntryId">The entry.</param>
    /// <param name="Version">The entry's version as the page showed it.</param>
    public sealed record Command(EntryId EntryId, uint Version) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock, ISiteLinks links) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            await db.DecideAsync(links, currentUser, now, new Screening.Decision(command.EntryId, command.Version, EntryStatus.Approved,
                (entry, challenge, moderator) => entry.Approve(challenge, moderator, now), "entry.approved", NotificationKind.EntryApproved), cancellationToken);
            return Unit.Value;
        }
    }
}
