using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Mediator;

namespace Crowdsource.Application.Challenges;

/// <summary>A brand member sends a complete draft to the moderators. Sending it twice changes nothing.</summary>
public static class SubmitChallengeForReview
{
    public sealed record Command(ChallengeId ChallengeId) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeOfMyBrandAsync(currentUser, command.ChallengeId, cancellationToken);
            if (challenge.Status == ChallengeStatus.InReview)
            {
                return Unit.Value;
            }

            var now = clock.GetUtcNow();
            challenge.SubmitForReview(now);
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, "challenge.submitted", "Draft → InReview", now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
