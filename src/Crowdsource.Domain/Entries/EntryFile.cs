using Crowdsource.Domain.Files;

namespace Crowdsource.Domain.Entries;

/// <summary>One file of an entry, in the order the creative gave them.</summary>
public sealed class EntryFile
{
    private EntryFile()
    {
        FileName = ContentType = Sha256 = string.Empty;
    }

    public Guid Id { get; private set; }

    public EntryId EntryId { get; private set; }

    public Guid FileId { get; private set; }

    public int Position { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; }

    /// <summary>A small JPEG preview for galleries, for images.</summary>
    public Guid? ThumbnailFileId { get; private set; }

    /// <summary>The stored files this entry file owns: the original and its preview.</summary>
    public IEnumerable<Guid> StoredFileIds => ThumbnailFileId is { } thumbnail ? [FileId, thumbnail] : [FileId];

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    internal void AttachThumbnail(Guid thumbnailFileId) => ThumbnailFileId = thumbnailFileId;

    internal static EntryFile From(EntryId entryId, StoredFile file, int position, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        EntryId = entryId,
        FileId = file.Id,
        Position = position,
        FileName = file.FileName,
        ContentType = file.ContentType,
        Length = file.Length,
        Sha256 = file.Sha256,
    };
}
