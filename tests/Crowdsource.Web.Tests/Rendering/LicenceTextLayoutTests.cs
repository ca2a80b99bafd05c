using Crowdsource.Web.Hosting;

namespace Crowdsource.Web.Tests.Rendering;

public sealed class LicenceTextLayoutTests
{
    [Fact]
    public void Wrapped_lines_join_and_clauses_and_blank_lines_start_paragraphs()
    {
        const string text = "1. Grant. When the prize is paid,\nthe creative assigns the rights.\n2. Until then. The creative keeps\nevery right.\n\nSigned on the platform.";

        Assert.Equal(
            ["1. Grant. When the prize is paid, the creative assigns the rights.", "2. Until then. The creative keeps every right.", "Signed on the platform."],
            LicenceTextLayout.Paragraphs(text));
    }
}
