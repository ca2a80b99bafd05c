using Crowdsource.Domain.Files;

namespace Crowdsource.Application.Files;

/// <summary>Where the chunks of resumable uploads live until the form that uses them is sent.</summary>
public interface IUploadStore
{
    /// <summary>Writes one chunk inside the use case's transaction, so the chunk exists exactly when the count that includes it does.</summary>
    Task WriteChunkAsync(Guid uploadId, int index, ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>A finished upload as use cases take files: reading it streams its chunks in order.</summary>
    UploadedFile Open(Upload upload);
}
