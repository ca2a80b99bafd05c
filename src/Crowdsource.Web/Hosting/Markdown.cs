using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// Briefs are written in Markdown by brands and read by everyone: rendered with raw HTML disabled, then
/// sanitised (no script, no event handler, no javascript: link, no style), and links to other sites get
/// rel="noopener nofollow".
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseListExtras()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static IHtmlContent ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var html = Markdig.Markdown.ToHtml(markdown, Pipeline);
        return new HtmlString(Sanitizer.Sanitize(html));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "ins", "mark", "sub", "sup",
                "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "code", "pre", "a", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "align", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, args) =>
        {
            if (args.Node is AngleSharp.Dom.IElement { TagName: "A" } link && LeavesTheSite(link.GetAttribute("href")))
            {
                link.SetAttribute("rel", "noopener nofollow");
            }
        };
        return sanitizer;
    }

    /// <summary>A link to another site: an absolute http(s) address, or a protocol-relative one ("//host", "/\\host") browsers read as such.</summary>
    private static bool LeavesTheSite(string? href) =>
        href is not null
        && (href.StartsWith("//", StringComparison.Ordinal) || href.StartsWith("/\\", StringComparison.Ordinal) || href.StartsWith('\\')
            || (Uri.TryCreate(href, UriKind.Absolute, out var target) && target.Scheme is "http" or "https"));
}
