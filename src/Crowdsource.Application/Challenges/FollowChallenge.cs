using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>A signed-in person follows a challenge they can see, to hear about its deadline and results. Following twice is following.</summary>
public static class FollowChallenge
{
    public sealed record Command(ChallengeId ChallengeId) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var (challenge, _) = await db.VisibleChallengeAsync(currentUser, command.ChallengeId, cancellationToken);

            // Insert-or-nothing in one statement: two clicks at once cannot both insert, nor fail.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ChallengeFollowers" ("ChallengeId", "UserId", "FollowedAt") VALUES ({challenge.Id.Value}, {userId}, {clock.GetUtcNow()})
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            return Unit.Value;
        }
    }
}
