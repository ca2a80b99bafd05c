using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Mediator;

namespace Crowdsource.Application.Challenges;

/// <summary>
/// A brand member starts a new challenge from an earlier one of their brand: a draft with the same brief, criteria,
/// prizes, licence terms and files, whose dates are left to fill in. Someone outside the brand learns nothing (404).
/// </summary>
public static class CopyChallenge
{
    public sealed record Command(ChallengeId ChallengeId) : ICommand<ChallengeId>, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command, ChallengeId>
    {
        public async ValueTask<ChallengeId> Handle(Command command, CancellationToken cancellationToken)
        {
            var original = await db.ChallengeOfMyBrandAsync(currentUser, command.ChallengeId, cancellationToken);
            var now = clock.GetUtcNow();
            var copy = original.CopyAsDraft(currentUser.RequireId(), now);
            db.Challenges.Add(copy);
            db.Record(currentUser.Id, Audit.Challenge, copy.Id.Value, AuditActions.ChallengeCopied, original.Title, now);
            await db.SaveChangesAsync(cancellationToken);
            return copy.Id;
        }
    }
}
