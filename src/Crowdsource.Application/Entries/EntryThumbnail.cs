namespace Crowdsource.Application.Entries;

/// <summary>
/// What stands for an entry in a list: its first image (shown small, by its preview when one was made), or else its first
/// file, shown as an icon of its type.
/// </summary>
public sealed record EntryThumbnail(Guid EntryFileId, string FileName, string ContentType, bool HasPreview)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
