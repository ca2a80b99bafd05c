using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Files;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Accounts;

/// <summary>A person's profile picture: public, like their profile.</summary>
public static class GetAvatar
{
    public sealed record Query(string UserId) : IQuery<FileDownload>;

    internal sealed class Handler(ICrowdsourceDb db) : IQueryHandler<Query, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Users.AsNoTracking().Where(user => user.Id == query.UserId && user.DeletedAt == null && user.AvatarFileId != null)
                .Join(db.StoredFiles, user => user.AvatarFileId!.Value, file => file.Id,
                    (user, file) => new FileDownload(file.Id, file.FileName, file.ContentType, file.Length, file.Sha256))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
    }
}
