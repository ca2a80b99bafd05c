using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Files;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>A file for creatives, for whoever may see the challenge; anyone else gets "not found".</summary>
public static class GetChallengeAsset
{
    public sealed record Query(ChallengeId ChallengeId, Guid AssetId) : IQuery<FileDownload>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(Query query, CancellationToken cancellationToken)
        {
            var (challenge, _) = await db.VisibleChallengeAsync(currentUser, query.ChallengeId, cancellationToken);
            var asset = challenge.Assets.FirstOrDefault(candidate => candidate.Id == query.AssetId) ?? throw new NotFoundException();

            return await db.StoredFiles.AsNoTracking().Where(file => file.Id == asset.FileId)
                .Select(file => new FileDownload(file.Id, asset.FileName, file.ContentType, file.Length, file.Sha256))
                .SingleAsync(cancellationToken);
        }
    }
}
