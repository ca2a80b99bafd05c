using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Notifications;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Notifications;
using Mediator;

namespace Crowdsource.Application.Challenges;

/// <summary>A moderator publishes a challenge in review: the only way a challenge becomes public.</summary>
public static class ApproveChallenge
{
    public sealed record Command(ChallengeId ChallengeId) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, ISiteLinks links, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeToModerateAsync(currentUser, command.ChallengeId, cancellationToken);
            if (challenge.IsPublished)
            {
                return Unit.Value; // Approved already (a double click).
            }

            var transition = challenge.Approve(clock.GetUtcNow());
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, "challenge.approved", $"{transition.From} → {transition.To}", transition.At);
            await db.NotifyAsync(links, await db.BrandMembersAsync(challenge.BrandId, cancellationToken), NotificationKind.ChallengeApproved,
                challenge.Title, Recipients.ChallengePage(challenge.Id), transition.At, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
