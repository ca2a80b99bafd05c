using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Files.Uploads;

/// <summary>
/// The finished uploads a form names, as files its use case takes (in the order named). Only one's own, finished
/// uploads: any other id, or one already used or deleted, is a message on the form's file field.
/// </summary>
public static class OpenUploads
{
    /// <param name="UploadIds">The uploads, as the form named them.</param>
    /// <param name="FieldName">The form's file field, where a problem is shown.</param>
    public sealed record Query(IReadOnlyList<Guid> UploadIds, string FieldName) : IQuery<IReadOnlyList<UploadedFile>>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, IUploadStore store) : IQueryHandler<Query, IReadOnlyList<UploadedFile>>
    {
        public async ValueTask<IReadOnlyList<UploadedFile>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.UploadIds.Count == 0)
            {
                return [];
            }

            var userId = currentUser.RequireId();
            var ids = query.UploadIds.Distinct().ToList();
            var uploads = await db.Uploads.AsNoTracking()
                .Where(upload => ids.Contains(upload.Id) && upload.UserId == userId)
                .ToDictionaryAsync(upload => upload.Id, cancellationToken);
            if (ids.Any(id => !uploads.TryGetValue(id, out var upload) || !upload.IsComplete))
            {
                throw ValidationException.For(query.FieldName, Messages.UploadNotAvailable);
            }

            return [.. ids.Select(id => store.Open(uploads[id]))];
        }
    }
}
