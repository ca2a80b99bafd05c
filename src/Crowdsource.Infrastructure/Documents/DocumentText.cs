using System.Globalization;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Entries;

namespace Crowdsource.Infrastructure.Documents;

/// <summary>How the documents write dates and amounts: as the reader's language does, in words a court would read (amounts: PrizeWording).</summary>
internal static class DocumentText
{
    /// <summary>"12 March 2026, 14:05:09 UTC", "1er mars 2026 à 14:05:09 UTC".</summary>
    public static string Date(DateTimeOffset moment, CultureInfo culture)
    {
        var utc = moment.UtcDateTime;
        return utc.ToString(utc.Day == 1 ? Messages.DocumentDateFirstDay : Messages.DocumentDate, culture);
    }

    /// <summary>A file of the work on two lines: its name (on one line, as typed) and size in bytes, then its SHA-256.</summary>
    public static string File(RecordedFile file, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(file);
        return string.Create(culture, $"{LegalDocument.OneLine(file.FileName)}  {file.Length:N0}\n{file.Sha256}");
    }
}
