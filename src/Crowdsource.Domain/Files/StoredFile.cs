namespace Crowdsource.Domain.Files;

/// <summary>
/// A file kept by the platform. Its type was found from its content, its name was cleaned, and its SHA-256 proves
/// later which bytes were sent. The bytes themselves live in the file store, never on a path built from the name.
/// </summary>
public sealed class StoredFile
{
    public const int FileNameMaximumLength = 120;

    private StoredFile()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
    }

    public Guid Id { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    /// <summary>Lower-case hexadecimal SHA-256 of the exact bytes stored.</summary>
    public string Sha256 { get; private set; }

    public string? UploadedByUserId { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    public static StoredFile Create(Guid id, string fileName, string contentType, long length, string sha256, string? uploadedByUserId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (sha256 is not { Length: 64 })
        {
            throw new ArgumentException("A SHA-256 is 64 hexadecimal characters.", nameof(sha256));
        }

        return new StoredFile
        {
            Id = id,
            FileName = fileName,
            ContentType = contentType,
            Length = length,
            Sha256 = sha256,
            UploadedByUserId = uploadedByUserId,
            UploadedAt = now,
        };
    }
}
