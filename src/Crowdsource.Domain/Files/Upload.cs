using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Files;

/// <summary>
/// A file on its way up, in chunks of <see cref="ChunkBytes"/>, which survives a lost connection, a database blip or a
/// restart of the instance that took the last chunk: the browser asks how much arrived and sends the rest, through any
/// instance. A finished upload becomes a stored file when the form that uses it is sent (and is deleted then); one that
/// is left unfinished or unused is deleted after a set time.
/// </summary>
public sealed class Upload
{
    /// <summary>One chunk per request: small enough to resend cheaply, large enough to keep requests few.</summary>
    public const int ChunkBytes = 1024 * 1024;

    public const int FileNameMaximumLength = 255;

    private Upload()
    {
        UserId = string.Empty;
        FileName = string.Empty;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The name as the browser sent it; cleaned when the file is stored.</summary>
    public string FileName { get; private set; }

    public long Length { get; private set; }

    /// <summary>How many bytes arrived, from the start: the next chunk starts here.</summary>
    public long Received { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset LastReceivedAt { get; private set; }

    public bool IsComplete => Received == Length;

    public static Upload Start(string userId, string fileName, long length, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return new Upload
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            FileName = Shorten(fileName),
            Length = length,
            StartedAt = now,
            LastReceivedAt = now,
        };
    }

    /// <summary>
    /// Takes the chunk that starts at <paramref name="offset"/>. A chunk that arrived already (its answer was lost, and
    /// the browser sent it again) is not taken twice.
    /// </summary>
    /// <returns>The index at which to store the chunk, or null when it arrived already.</returns>
    public int? Accept(long offset, int count, DateTimeOffset now)
    {
        if (offset >= 0 && offset < Received && offset % ChunkBytes == 0 && offset + count <= Received)
        {
            return null;
        }

        var last = offset + count == Length;
        if (offset != Received || count <= 0 || offset + count > Length || (count != ChunkBytes && !last))
        {
            throw new DomainRuleException("upload.out-of-place", DomainText.UploadChunkOutOfPlace);
        }

        Received += count;
        LastReceivedAt = now;
        return (int)(offset / ChunkBytes);
    }

    /// <summary>At most <see cref="FileNameMaximumLength"/> characters, never half of a pair (an emoji cut in two cannot be stored).</summary>
    private static string Shorten(string fileName)
    {
        if (fileName.Length <= FileNameMaximumLength)
        {
            return fileName;
        }

        var cut = char.IsHighSurrogate(fileName[FileNameMaximumLength - 1]) ? FileNameMaximumLength - 1 : FileNameMaximumLength;
        return fileName[..cut];
    }
}
