using System.Net;
using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// Briefs are written in Markdown by brands and read by everyone: rendered with raw HTML disabled, then
/// sanitised (no script, no event handler, no javascript: link, no style), and links to other sites get
/// rel="noopener nofollow". Text Markdig cannot take (nesting past its depth limit: "[a" or "> " repeated, well within
/// a brief's length) is shown as plain paragraphs instead of failing the page. Rendering a long brief can cost seconds
/// (emphasis and sanitising grow faster than the text), so each text is rendered once and kept in a bounded cache: a
/// page viewed often, or previewed again unchanged, does not pay it again.
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

    /// <summary>Rendered texts, weighed by their length in characters: at most about 8 MB of text and HTML together.</summary>
    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 4_000_000 });

    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(30);

    public static IHtmlContent ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        if (!Rendered.TryGetValue(markdown, out string? html) || html is null)
        {
            html = Render(markdown);
            Rendered.Set(markdown, html, new MemoryCacheEntryOptions { Size = markdown.Length + html.Length, SlidingExpiration = KeptFor });
        }

        return new HtmlString(html);
    }

    private static string Render(string markdown)
    {
        try
        {
            return Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));
        }
        catch (ArgumentException)
        {
            // Markdig refuses elements nested past its depth limit: the text is still shown, as typed.
            var paragraphs = markdown.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return string.Concat(paragraphs.Select(paragraph => $"<p>{WebUtility.HtmlEncode(paragraph).ReplaceLineEndings("<br />")}</p>"));
        }
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
