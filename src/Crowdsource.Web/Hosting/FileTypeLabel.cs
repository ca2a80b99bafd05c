namespace Crowdsource.Web.Hosting;

/// <summary>The short label of a file's type on its icon (PDF, MP4), from its checked content type.</summary>
public static class FileTypeLabel
{
    public static string Of(string? contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "video/mp4" => "MP4",
        null => "—",
        _ => contentType[(contentType.IndexOf('/', StringComparison.Ordinal) + 1)..].ToUpperInvariant(),
    };
}
