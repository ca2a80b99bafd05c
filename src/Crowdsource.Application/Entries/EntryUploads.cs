using Crowdsource.Application.Files;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Files;

namespace Crowdsource.Application.Entries;

/// <summary>Stores an entry's uploads, each checked by the store, with a preview for images; shared by submitting and editing.</summary>
internal static class EntryUploads
{
    public static async Task<IReadOnlyList<(StoredFile File, StoredFile? Preview)>> StoreAsync(
        IFileStore files, IThumbnailMaker thumbnails, IReadOnlyList<UploadedFile> uploads, FilePolicy policy, string propertyName, string userId,
        CancellationToken cancellationToken)
    {
        var stored = new List<(StoredFile, StoredFile?)>();
        foreach (var upload in uploads)
        {
            var file = await files.SaveAsync(upload, policy, propertyName, userId, cancellationToken);
            var preview = file.IsImage ? await thumbnails.MakeAsync(upload, userId, cancellationToken) : null;
            stored.Add((file, preview));
        }

        return stored;
    }

    public static void AttachPreviews(this Entry entry, IEnumerable<(StoredFile File, StoredFile? Preview)> stored)
    {
        foreach (var (file, preview) in stored)
        {
            if (preview is not null)
            {
                entry.AttachThumbnail(file.Id, preview.Id);
            }
        }
    }
}
