using System.Globalization;
using Crowdsource.Application.Resources;

namespace Crowdsource.Application.Files;

/// <summary>Byte counts as people read them ("1.5 MB", "1,5 Mo"), in the current culture.</summary>
public static class FileSizes
{
    private const double Kilobyte = 1024;

    public static string Describe(long bytes) => bytes switch
    {
        < 1024 => string.Format(CultureInfo.CurrentCulture, Messages.SizeBytes, bytes),
        < 1024 * 1024 => string.Format(CultureInfo.CurrentCulture, Messages.SizeKilobytes, bytes / Kilobyte),
        < 1024L * 1024 * 1024 => string.Format(CultureInfo.CurrentCulture, Messages.SizeMegabytes, bytes / (Kilobyte * Kilobyte)),
        _ => string.Format(CultureInfo.CurrentCulture, Messages.SizeGigabytes, bytes / (Kilobyte * Kilobyte * Kilobyte)),
    };
}
