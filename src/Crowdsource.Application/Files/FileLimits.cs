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

    public FilePolicy Logo => new(FileKind.Images, LogoMaximumBytes);

    public FilePolicy BrandAsset => new([.. FileKind.Images, FileKind.Pdf], BrandAssetMaximumBytes);

    public FilePolicy EntryFile => new([.. FileKind.Images, FileKind.Pdf, FileKind.Mp4], EntryFileMaximumBytes);
}
