using System.Globalization;
using Crowdsource.Application.Resources;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.Files;

/// <summary>
/// How large a picture may be in pixels. A decoder allocates by the declared dimensions, not the file's size (a 400 KB
/// PNG can declare 20,000 × 20,000 pixels, 1.6 GB once decoded), so images are measured from their header and
/// refused above the budget before anything decodes them. The budget counts what decoding costs: a 16-bit or an
/// interlaced PNG counts double (<see cref="ImageSize.DecodeWeight"/>).
/// </summary>
public sealed record PixelBudget(long MaximumPixels, int MaximumSide)
{
    /// <summary>
    /// Reads the dimensions <paramref name="content"/> declares and refuses, on <paramref name="propertyName"/>, an
    /// image whose header cannot be read or that is over the budget.
    /// </summary>
    /// <exception cref="ValidationException">The header is unreadable, or the image has too many pixels or too long a side.</exception>
    public ImageSize Check(Stream content, FileKind kind, string propertyName, string displayName)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var size = ImageHeaders.Read(content, kind)
            ?? throw ValidationException.For(propertyName, string.Format(CultureInfo.CurrentCulture, Messages.ImageHeaderUnreadable, displayName, kind.Name));
        if (size.Pixels > MaximumPixels || size.LongerSide > MaximumSide)
        {
            throw ValidationException.For(propertyName, string.Format(CultureInfo.CurrentCulture, Messages.ImageTooManyPixels,
                displayName, size.Width, size.Height, MaximumPixels / 1_000_000d, MaximumSide));
        }

        if (size.DecodedPixels > MaximumPixels)
        {
            throw ValidationException.For(propertyName, string.Format(CultureInfo.CurrentCulture, Messages.ImageTooCostlyToDecode,
                displayName, size.Width, size.Height, size.DecodedPixels / 1_000_000d, MaximumPixels / 1_000_000d));
        }

        return size;
    }
}
