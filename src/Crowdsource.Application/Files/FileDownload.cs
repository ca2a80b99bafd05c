namespace Crowdsource.Application.Files;

/// <summary>What a page needs to send a stored file: which one, and the headers that describe it.</summary>
public sealed record FileDownload(Guid FileId, string FileName, string ContentType, long Length, string Sha256)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
