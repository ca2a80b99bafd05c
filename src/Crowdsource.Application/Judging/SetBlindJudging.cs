using Crowdsource.Application.Auditing;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Mediator;

namespace Crowdsource.Application.Judging;

/// <summary>A moderator chooses whether the panel sees the creatives' names (blind by default), until the ranking is locked.</summary>
public static class SetBlindJudging
{
    public sealed record Command(Domain.Challenges.ChallengeId ChallengeId, bool Blind) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeToModerateAsync(currentUser, command.ChallengeId, cancellationToken);
            if (challenge.BlindJudging == command.Blind)
            {
                return Unit.Value;
            }

            var now = clock.GetUtcNow();
            challenge.SetBlindJudging(command.Blind, now);
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, command.Blind ? "judging.blind" : "judging.names-shown", string.Empty, now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
