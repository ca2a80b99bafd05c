using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>Stops following a challenge. Only ever touches the signed-in person's own row.</summary>
public static class UnfollowChallenge
{
    public sealed record Command(ChallengeId ChallengeId) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            await db.ChallengeFollowers.Where(follower => follower.ChallengeId == command.ChallengeId && follower.UserId == userId)
                .ExecuteDeleteAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
