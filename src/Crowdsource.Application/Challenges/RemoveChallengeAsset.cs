using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>A member of the brand removes a file for creatives; its contents are deleted with it.</summary>
public static class RemoveChallengeAsset
{
    public sealed record Command(ChallengeId ChallengeId, Guid AssetId) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeOfMyBrandAsync(currentUser, command.ChallengeId, cancellationToken);
            if (challenge.Assets.All(asset => asset.Id != command.AssetId))
            {
                return Unit.Value; // Already gone: a second click on "Remove" changes nothing.
            }

            var now = clock.GetUtcNow();
            var removed = challenge.RemoveAsset(command.AssetId, now);
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, "challenge.asset-removed", removed.FileName, now);
            await db.SaveChangesAsync(cancellationToken);
            // A challenge started from another one lists the same stored files: the file goes with the last listing.
            await db.StoredFiles
                .Where(file => file.Id == removed.FileId && !db.Challenges.SelectMany(other => other.Assets).Any(asset => asset.FileId == file.Id))
                .ExecuteDeleteAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
