using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Files;
using Crowdsource.Domain.Entries;
using Mediator;

namespace Crowdsource.Application.Entries;

/// <summary>A file of an entry, for those who may see the entry; a guessed URL gets "not found".</summary>
public static class GetEntryFile
{
    public sealed record Query(EntryId EntryId, Guid EntryFileId) : IQuery<FileDownload>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(Query query, CancellationToken cancellationToken)
        {
            var (entry, _, _) = await db.VisibleEntryAsync(currentUser, query.EntryId, cancellationToken);
            var file = entry.Files.FirstOrDefault(candidate => candidate.Id == query.EntryFileId) ?? throw new NotFoundException();
            return new FileDownload(file.FileId, file.FileName, file.ContentType, file.Length, file.Sha256);
        }
    }
}
