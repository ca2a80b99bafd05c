using System.Reflection;
using Crowdsource.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Every page where a visitor or a member posts counts against the rate limits (<see cref="RateLimitedAttribute"/>), so
/// that one person cannot hammer a form (a preview that renders Markdown, a copy, an invitation that sends e-mail).
/// Staff pages (administration, moderation) and the few posts below, each with its reason, are the exceptions.
/// </summary>
public sealed class RateLimitCoverageTests
{
    private static readonly Dictionary<string, string> Unlimited = new(StringComparer.Ordinal)
    {
        ["Crowdsource.Web.Pages.LanguageModel"] = "only sets the language cookie",
        ["Crowdsource.Web.Pages.Account.LogoutModel"] = "only ends the session",
        ["Crowdsource.Web.Pages.Errors.StatusModel"] = "the error page shown in place of any request",
    };

    [Fact]
    public void Every_page_a_visitor_or_a_member_posts_to_is_rate_limited()
    {
        var unlimited = typeof(Program).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(PageModel)) && type.Namespace is { } space
                && !space.EndsWith(".Admin", StringComparison.Ordinal) && !space.EndsWith(".Moderation", StringComparison.Ordinal))
            .Where(type => type.GetMethods().Any(method => method.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            .Where(type => type.GetCustomAttribute<RateLimitedAttribute>() is null && !Unlimited.ContainsKey(type.FullName!))
            .Select(type => type.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(unlimited);
    }
}
