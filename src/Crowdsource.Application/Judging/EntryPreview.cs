using Crowdsource.Domain.Entries;

namespace Crowdsource.Application.Judging;

/// <summary>The first image of an entry, to show it small in a list (served by the entry's file page).</summary>
public sealed record EntryPreview(Guid EntryFileId, string FileName, bool HasThumbnail)
{
    public static EntryPreview? Of(Entry entry) =>
        entry.Files.OrderBy(file => file.Position).FirstOrDefault(file => file.IsImage) is { } image
            ? new EntryPreview(image.Id, image.FileName, image.ThumbnailFileId is not null)
            : null;
}
