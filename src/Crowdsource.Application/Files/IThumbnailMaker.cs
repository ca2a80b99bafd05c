using Crowdsource.Domain.Files;

namespace Crowdsource.Application.Files;

/// <summary>Small previews of images for galleries, stored like any file (in the use case's transaction).</summary>
public interface IThumbnailMaker
{
    /// <summary>
    /// A JPEG at most <see cref="MaximumSide"/> pixels on its longer side, or null when the image cannot be decoded
    /// (the original is still kept: a preview is a convenience, not a check).
    /// </summary>
    Task<StoredFile?> MakeAsync(UploadedFile image, string? uploadedByUserId, CancellationToken cancellationToken);

    const int MaximumSide = 480;
}
