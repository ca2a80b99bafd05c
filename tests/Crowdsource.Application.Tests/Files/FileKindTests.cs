using Crowdsource.Application.Files;
using Crowdsource.TestSupport;

namespace Crowdsource.Application.Tests.Files;

public sealed class FileKindTests
{
    [Fact]
    public void Recognises_each_accepted_kind_by_its_first_bytes()
    {
        Assert.Same(FileKind.Png, FileKind.Detect(TestFiles.Png()));
        Assert.Same(FileKind.Pdf, FileKind.Detect(TestFiles.Pdf()));
        Assert.Same(FileKind.Jpeg, FileKind.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F']));
        Assert.Same(FileKind.Gif, FileKind.Detect("GIF89a\x01\x00\x01\x00"u8));
        Assert.Same(FileKind.WebP, FileKind.Detect("RIFF\x24\x00\x00\x00WEBPVP8 "u8));
        Assert.Same(FileKind.Mp4, FileKind.Detect([0, 0, 0, 0x20, .. "ftypisom"u8, 0, 0, 2, 0]));
    }

    [Fact]
    public void Refuses_what_only_pretends_to_be_a_file_we_accept()
    {
        Assert.Null(FileKind.Detect(TestFiles.HtmlWithScript()));
        Assert.Null(FileKind.Detect("<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"u8));
        Assert.Null(FileKind.Detect("RIFF\x24\x00\x00\x00WAVEfmt "u8));
        Assert.Null(FileKind.Detect([0x89, (byte)'P', (byte)'N']));
        Assert.Null(FileKind.Detect([]));
    }

    [Theory]
    [InlineData("../../etc/passwd.png", "passwd.png")]
    [InlineData("C:\\Users\\chloe\\My logo (final).PNG", "My logo (final).png")]
    [InlineData("invoice.pdf.exe", "invoice.pdf.png")]
    [InlineData("logo<img onerror=alert(1)>.png", "logo_img onerror_alert(1).png")]
    [InlineData("   ", "file.png")]
    [InlineData("affiche-été.png", "affiche-été.png")]
    public void Cleans_names_into_harmless_display_names_with_the_real_extension(string claimed, string expected) =>
        Assert.Equal(expected, FileNames.Clean(claimed, FileKind.Png));

    [Fact]
    public void Keeps_long_names_within_the_stored_length()
    {
        var cleaned = FileNames.Clean(new string('a', 500) + ".pdf", FileKind.Pdf);

        Assert.Equal(Domain.Files.StoredFile.FileNameMaximumLength, cleaned.Length);
        Assert.EndsWith(".pdf", cleaned, StringComparison.Ordinal);
    }
}
