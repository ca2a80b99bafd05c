using Crowdsource.Application.Auditing;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Judging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// A moderator puts themself (no address given) or another moderator (by e-mail address) on a challenge's judging
/// panel. Nobody with a conflict of interest (from the challenge's brand, or who entered it) may judge it.
/// </summary>
public static class AssignJudge
{
    public sealed record Command(Domain.Challenges.ChallengeId ChallengeId, string? JudgeEmail = null) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeToModerateAsync(currentUser, command.ChallengeId, cancellationToken);
            var judgeId = currentUser.RequireId();
            if (!string.IsNullOrWhiteSpace(command.JudgeEmail))
            {
                var normalized = command.JudgeEmail.Trim().ToUpperInvariant();
                var staffRoles = new[] { Roles.Moderator, Roles.Admin };
                judgeId = await db.Users
                    .Where(user => user.NormalizedEmail == normalized && user.DeletedAt == null
                        && db.UserRoles.Any(link => link.UserId == user.Id && db.Roles.Any(role => role.Id == link.RoleId && staffRoles.Contains(role.Name!))))
                    .Select(user => user.Id).SingleOrDefaultAsync(cancellationToken)
                    ?? throw ValidationException.For(nameof(Command.JudgeEmail), Messages.JudgeMustBeModerator);
            }

            if (await db.ChallengeJudges.AnyAsync(judge => judge.ChallengeId == challenge.Id && judge.JudgeUserId == judgeId, cancellationToken))
            {
                return Unit.Value; // on the panel already (a double click)
            }

            var now = clock.GetUtcNow();
            var conflict = await db.ConflictOfInterestAsync(challenge, judgeId, cancellationToken);
            db.ChallengeJudges.Add(ChallengeJudge.Assign(challenge, judgeId, conflict, currentUser.RequireId(), now));
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, "judge.assigned", judgeId, now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
