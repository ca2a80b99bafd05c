namespace Crowdsource.Application.Files;

/// <summary>Upload limits, from the configuration section <c>Crowdsource:Files</c>.</summary>
public sealed class FileLimits
{
    public const string Section = "Crowdsource:Files";

    public long LogoMaximumBytes { get; set; } = 2 * 1024 * 1024;

    public long BrandAssetMaximumBytes { get; set; } = 20 * 1024 * 1024;

    public int BrandAssetsPerChallenge { get; set; } = 10;

    public long EntryFileMaximumBytes { get; set; } = 50 * 1024 * 1024;

    public int FilesPerEntry { get; set; } = 5;

    /// <summary>
    /// Most pixels a picture may have (default 50 megapixels: the 48-megapixel photos of today's phones and the
    /// 45-megapixel ones of full-frame cameras pass; decoded whole, as PNG and GIF thumbnails are, it takes 200 MB).
    /// </summary>
    public long MaximumImagePixels { get; set; } = 50_000_000;

    /// <summary>Most pixels on a picture's longer side (default 12,000: wide panoramas pass, a one-pixel-high strip of millions does not).</summary>
    public int MaximumImageSide { get; set; } = 12_000;

    /// <summary>How many thumbnails the process makes at once (default 2); other uploads wait their turn, so memory stays bounded.</summary>
    public int ThumbnailConcurrency { get; set; } = 2;

    /// <summary>Unfinished resumable uploads one person may have at once.</summary>
    public int OpenUploadsPerUser { get; set; } = 20;

    /// <summary>How long an upload left unfinished or unused is kept before it is deleted.</summary>
    public TimeSpan AbandonedUploadsAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The largest file any form takes: no resumable upload may announce more.</summary>
    public long LargestFileBytes => Math.Max(EntryFileMaximumBytes, Math.Max(BrandAssetMaximumBytes, LogoMaximumBytes));

    public PixelBudget Pixels => new(MaximumImagePixels, MaximumImageSide);

    public FilePolicy Logo => new(FileKind.Images, LogoMaximumBytes, Pixels);

    /// <summary>A challenge's cover image: any picture, as large as a file for creatives may be.</summary>
    public FilePolicy Cover => new(FileKind.Images, BrandAssetMaximumBytes, Pixels);

    public FilePolicy BrandAsset => new([.. FileKind.Images, FileKind.Pdf], BrandAssetMaximumBytes, Pixels);

    public FilePolicy EntryFile => new([.. FileKind.Images, FileKind.Pdf, FileKind.Mp4], EntryFileMaximumBytes, Pixels);
}
