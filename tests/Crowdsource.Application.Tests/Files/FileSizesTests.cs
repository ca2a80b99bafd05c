using System.Globalization;
using Crowdsource.Application.Files;

namespace Crowdsource.Application.Tests.Files;

/// <summary>Sizes as people read them: the right unit, and in French a decimal comma, "Ko/Mo" and a no-break space.</summary>
public sealed class FileSizesTests
{
    [Theory]
    [InlineData("en", 512, "512 B")]
    [InlineData("en", 24 * 1024, "24 KB")]
    [InlineData("en", 1536 * 1024, "1.5 MB")]
    [InlineData("en", 2L * 1024 * 1024 * 1024, "2 GB")]
    [InlineData("fr-FR", 512, "512\u00a0o")]
    [InlineData("fr-FR", 24 * 1024, "24\u00a0Ko")]
    [InlineData("fr-FR", 1536 * 1024, "1,5\u00a0Mo")]
    [InlineData("fr-FR", 50 * 1024 * 1024, "50\u00a0Mo")]
    [InlineData("fr-FR", 2L * 1024 * 1024 * 1024, "2\u00a0Go")]
    public void Describes_a_size_in_the_readers_language(string culture, long bytes, string expected)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, FileSizes.Describe(bytes));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
