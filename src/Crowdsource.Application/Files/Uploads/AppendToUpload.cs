using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Files.Uploads;

/// <summary>
/// The next chunk of one's own upload arrives. The upload is locked while the chunk is written, so two copies of the
/// same chunk (a retry racing the original) are taken once; a chunk that arrived already is acknowledged, not stored again.
/// </summary>
public static class AppendToUpload
{
    public sealed record Command(Guid UploadId, long Offset, ReadOnlyMemory<byte> Data) : ICommand<UploadProgress>, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, IUploadStore uploads, CrowdsourceMetrics metrics, TimeProvider clock)
        : ICommandHandler<Command, UploadProgress>
    {
        public async ValueTask<UploadProgress> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var upload = await db.Uploads
                .FromSql($"""SELECT * FROM "Uploads" WHERE "Id" = {command.UploadId} FOR UPDATE""")
                .SingleOrDefaultAsync(cancellationToken);
            if (upload is null || upload.UserId != userId)
            {
                throw new NotFoundException();
            }

            if (upload.Accept(command.Offset, command.Data.Length, clock.GetUtcNow()) is { } index)
            {
                await uploads.WriteChunkAsync(upload.Id, index, command.Data, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                metrics.RecordUploadBytes(command.Data.Length, "chunked");
            }

            return new UploadProgress(upload.Received, upload.Length);
        }
    }
}
