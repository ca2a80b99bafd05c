using Crowdsource.Application.Common;
using Crowdsource.Application.Files;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>
/// A file of an entry, for those who may see the entry (see <see cref="EntryAccess"/>), and its ballot picture for voters
/// while the public vote is open; a guessed URL gets "not found".
/// </summary>
public static class GetEntryFile
{
    /// <summary>With <paramref name="Preview"/>, the file's small preview when it has one (images).</summary>
    public sealed record Query(EntryId EntryId, Guid EntryFileId, bool Preview = false) : IQuery<FileDownload>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(Query query, CancellationToken cancellationToken)
        {
            var file = await db.VisibleEntryFileAsync(currentUser, query.EntryId, query.EntryFileId, clock.GetUtcNow(), cancellationToken);
            if (query.Preview && file.ThumbnailFileId is { } preview)
            {
                return await db.StoredFiles.AsNoTracking().Where(stored => stored.Id == preview)
                    .Select(stored => new FileDownload(stored.Id, stored.FileName, stored.ContentType, stored.Length, stored.Sha256))
                    .SingleAsync(cancellationToken);
            }

            return new FileDownload(file.FileId, file.FileName, file.ContentType, file.Length, file.Sha256);
        }
    }
}
