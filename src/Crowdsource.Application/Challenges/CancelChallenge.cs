using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using FluentValidation;
using Mediator;

namespace Crowdsource.Application.Challenges;

/// <summary>A moderator cancels a challenge before judging, with a reason everyone who can see it will read.</summary>
public static class CancelChallenge
{
    public sealed record Command(ChallengeId ChallengeId, string Reason) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Reason)
            .Must(reason => reason is not null && reason.Trim().Length is >= 10 and <= 2000)
            .WithMessage(_ => Messages.ReasonRequired);
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeToModerateAsync(currentUser, command.ChallengeId, cancellationToken);
            if (challenge.Status == ChallengeStatus.Cancelled)
            {
                return Unit.Value;
            }

            var hasEntries = await db.HasEntriesAsync(challenge.Id, cancellationToken);
            var transition = challenge.Cancel(command.Reason, hasEntries, clock.GetUtcNow());
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, "challenge.cancelled", $"{transition.From} → Cancelled: {challenge.CancellationReason}", transition.At);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
