using Crowdsource.Application.Auditing;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// A moderator leaves a challenge's panel (no judge given) or takes another judge off it, until the ranking is locked.
/// The judge's scorecards stay on record but no longer count in the ranking.
/// </summary>
public static class RemoveJudge
{
    public sealed record Command(Domain.Challenges.ChallengeId ChallengeId, string? JudgeUserId = null) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeToModerateAsync(currentUser, command.ChallengeId, cancellationToken);
            var judgeId = string.IsNullOrWhiteSpace(command.JudgeUserId) ? currentUser.RequireId() : command.JudgeUserId;
            var judge = await db.ChallengeJudges.SingleOrDefaultAsync(candidate => candidate.ChallengeId == challenge.Id && candidate.JudgeUserId == judgeId, cancellationToken);
            if (judge is null)
            {
                return Unit.Value; // off the panel already
            }

            judge.EnsureCanLeave(challenge);
            db.ChallengeJudges.Remove(judge);
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, "judge.removed", judgeId, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
