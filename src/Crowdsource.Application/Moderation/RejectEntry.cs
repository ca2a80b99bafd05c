using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Notifications;
using FluentValidation;
using Mediator;

namespace Crowdsource.Application.Moderation;

/// <summary>A moderator keeps an entry out of judging, with a reason its author reads on the entry page.</summary>
public static class RejectEntry
{
    public sealed record Command(EntryId EntryId, uint Version, string Reason) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Reason)
            .Must(reason => reason is not null && reason.Trim().Length is >= 10 and <= Entry.ScreeningMessageMaximumLength)
            .WithMessage(_ => Messages.EntryRejectionReasonRequired);
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock, ISiteLinks links) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            await db.DecideAsync(links, currentUser, now, new Screening.Decision(command.EntryId, command.Version, EntryStatus.Rejected,
                (entry, challenge, moderator) => entry.Reject(challenge, command.Reason, moderator, now), "entry.rejected",
                NotificationKind.EntryRejected), cancellationToken);
            return Unit.Value;
        }
    }
}
