using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Files;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>
/// A challenge's cover image, for whoever may see the challenge; anyone else gets "not found". <see cref="Query.Small"/>
/// asks for the copy made for cards (the cover itself when there is none).
/// </summary>
public static class GetChallengeCover
{
    public sealed record Query(ChallengeId ChallengeId, bool Small = false) : IQuery<FileDownload>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(Query query, CancellationToken cancellationToken)
        {
            var (challenge, _) = await db.VisibleChallengeAsync(currentUser, query.ChallengeId, cancellationToken);
            var fileId = (query.Small ? challenge.CoverThumbnailFileId ?? challenge.CoverFileId : challenge.CoverFileId)
                ?? throw new NotFoundException();

            return await db.StoredFiles.AsNoTracking().Where(file => file.Id == fileId)
                .Select(file => new FileDownload(file.Id, file.FileName, file.ContentType, file.Length, file.Sha256))
                .SingleAsync(cancellationToken);
        }
    }
}
