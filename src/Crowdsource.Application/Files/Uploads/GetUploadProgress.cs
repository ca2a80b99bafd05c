using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Files.Uploads;

/// <summary>How much of one's own upload the server has: where a browser resumes after a lost connection or a restart.</summary>
public static class GetUploadProgress
{
    public sealed record Query(Guid UploadId) : IQuery<UploadProgress>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, UploadProgress>
    {
        public async ValueTask<UploadProgress> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            return await db.Uploads.AsNoTracking()
                .Where(upload => upload.Id == query.UploadId && upload.UserId == userId)
                .Select(upload => new UploadProgress(upload.Received, upload.Length))
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        }
    }
}
