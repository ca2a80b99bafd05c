using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Mediator;

namespace Crowdsource.Application.Challenges;

/// <summary>A brand member takes a challenge back from review to change it.</summary>
public static class WithdrawChallengeFromReview
{
    public sealed record Command(ChallengeId ChallengeId) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeOfMyBrandAsync(currentUser, command.ChallengeId, cancellationToken);
            if (challenge.Status == ChallengeStatus.Draft)
            {
                return Unit.Value;
            }

            var now = clock.GetUtcNow();
            challenge.WithdrawFromReview(now);
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, "challenge.withdrawn-from-review", "InReview → Draft", now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
