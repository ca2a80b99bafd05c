using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Notifications;
using FluentValidation;
using Mediator;

namespace Crowdsource.Application.Challenges;

/// <summary>A moderator sends a challenge back to its brand with the reason the brand will read.</summary>
public static class RejectChallenge
{
    public sealed record Command(ChallengeId ChallengeId, string Reason) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Reason)
            .Must(reason => reason is not null && reason.Trim().Length is >= 10 and <= 2000)
            .WithMessage(_ => Messages.ReasonRequired);
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, ISiteLinks links, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeToModerateAsync(currentUser, command.ChallengeId, cancellationToken);
            var transition = challenge.Reject(command.Reason, clock.GetUtcNow());
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, "challenge.rejected", challenge.RejectionReason!, transition.At);
            await db.NotifyAsync(links, await db.BrandMembersAsync(challenge.BrandId, cancellationToken), NotificationKind.ChallengeRejected,
                challenge.Title, Recipients.ChallengePage(challenge.Id), transition.At, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
