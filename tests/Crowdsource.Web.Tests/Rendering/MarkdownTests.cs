using AngleSharp.Html.Parser;
using Crowdsource.Web.Hosting;

namespace Crowdsource.Web.Tests.Rendering;

public sealed class MarkdownTests
{
    private static string Render(string markdown) => Markdown.ToSafeHtml(markdown).ToString()!;

    [Fact]
    public void Renders_the_markdown_a_brief_is_written_in()
    {
        var html = Render("## Deliverables\n\n- a **logo**\n- a *tagline*\n\n| Size | Format |\n|---|---|\n| A4 | PDF |");

        Assert.Contains("<h2>Deliverables</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>logo</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>tagline</em>", html, StringComparison.Ordinal);
        Assert.Contains("<td>PDF</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">x</div>")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Leaves_no_script_event_handler_or_javascript_link(string attack)
    {
        // What a browser would build from the HTML: text that merely shows "<script>" is harmless.
        var document = new HtmlParser().ParseDocument(Render(attack));
        var elements = document.Body!.QuerySelectorAll("*");

        Assert.Empty(document.QuerySelectorAll("script, iframe, img, object, embed, style"));
        Assert.All(elements, element => Assert.DoesNotContain(element.Attributes, attribute =>
            attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name == "style"
            || attribute.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("//evil.example/prize")]
    public void Protocol_relative_links_count_as_other_sites(string href)
    {
        var html = Render($"[claim]({href})");

        Assert.Contains("rel=\"noopener nofollow\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_to_other_sites_get_noopener_nofollow_and_local_links_stay_as_they_are()
    {
        var html = Render("See [our site](https://brand.example/about) and [the rules](/Help/Rules).");

        Assert.Contains("<a href=\"https://brand.example/about\" rel=\"noopener nofollow\">our site</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Help/Rules\">the rules</a>", html, StringComparison.Ordinal);
    }
}
