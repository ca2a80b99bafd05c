using Crowdsource.Domain.Files;

namespace Crowdsource.Application.Files;

/// <summary>
/// Where file contents live. Writes happen inside the use case's transaction, so a file exists exactly when the
/// record that uses it does. Contents are streamed in both directions: no file is ever held whole in memory.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Reads <paramref name="file"/> once, checking its kind by content and its size as the bytes arrive, and stores
    /// it. The returned record is added to the database context; the caller's SaveChanges makes it permanent.
    /// </summary>
    /// <exception cref="Common.Exceptions.ValidationException">On <paramref name="propertyName"/>: empty, too large, of a kind the policy refuses, or a picture whose header is unreadable or over the policy's pixel budget.</exception>
    Task<StoredFile> SaveAsync(UploadedFile file, FilePolicy policy, string propertyName, string? uploadedByUserId, CancellationToken cancellationToken);

    /// <summary>Writes the stored bytes of <paramref name="fileId"/> to <paramref name="destination"/>, a chunk at a time.</summary>
    Task CopyToAsync(Guid fileId, Stream destination, CancellationToken cancellationToken);
}
