using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crowdsource.Application.Files.Uploads;

/// <summary>
/// Deletes the uploads nobody finished or used within the set time (their chunks go with them): the clock sends this
/// on its rounds. Used uploads are deleted by the transaction that stored their file.
/// </summary>
public static class DeleteAbandonedUploads
{
    public const int BatchSize = 200;

    public sealed record Command : ICommand<int>;

    internal sealed class Handler(ICrowdsourceDb db, IOptions<FileLimits> limits, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var cutoff = clock.GetUtcNow() - limits.Value.AbandonedUploadsAfter;
            var abandoned = db.Uploads.Where(upload => upload.LastReceivedAt <= cutoff).OrderBy(upload => upload.LastReceivedAt).Take(BatchSize);
            return await db.Uploads.Where(upload => abandoned.Select(old => old.Id).Contains(upload.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
