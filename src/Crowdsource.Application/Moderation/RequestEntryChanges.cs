using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Notifications;
using FluentValidation;
using Mediator;

namespace Crowdsource.Application.Moderation;

/// <summary>
/// A moderator asks the author to change an entry while submissions are open, saying what to change; the entry comes
/// back to the queue when its author edits it.
/// </summary>
public static class RequestEntryChanges
{
    public sealed record Command(EntryId EntryId, uint Version, string Message) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Message)
            .Must(message => message is not null && message.Trim().Length is >= 10 and <= Entry.ScreeningMessageMaximumLength)
            .WithMessage(_ => Messages.ChangesMessageRequired);
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock, ISiteLinks links) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            await db.DecideAsync(links, currentUser, now, new Screening.Decision(command.EntryId, command.Version, EntryStatus.ChangesRequested,
                (entry, challenge, moderator) => entry.RequestChanges(challenge, command.Message, moderator, now), "entry.changes-requested",
                NotificationKind.EntryChangesRequested), cancellationToken);
            return Unit.Value;
        }
    }
}
