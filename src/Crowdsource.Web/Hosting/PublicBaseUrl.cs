using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The one public address links are built from (<see cref="CrowdsourceOptions.PublicBaseUrl"/>). Outside Development
/// it must be configured, and the site refuses to start without it: a link built from the request's Host header can
/// be pointed at an attacker's site by anyone who forges that header. In Development it defaults to the first address
/// the site listens on (ASPNETCORE_URLS, as run.sh sets it) or http://localhost:5080/.
/// </summary>
internal sealed class PublicBaseUrl(IHostEnvironment environment, IConfiguration configuration)
    : IPostConfigureOptions<CrowdsourceOptions>, IValidateOptions<CrowdsourceOptions>
{
    public const string Setting = "Crowdsource__PublicBaseUrl";

    public const string DevelopmentDefault = "http://localhost:5080/";

    public void PostConfigure(string? name, CrowdsourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PublicBaseUrl is null || options.PublicBaseUrl.OriginalString.Length == 0)
        {
            options.PublicBaseUrl = environment.IsDevelopment() ? new Uri(FirstListeningAddress() ?? DevelopmentDefault) : null;
        }

        // A base without a final slash would lose its last segment when a path is added to it.
        if (IsUsable(options.PublicBaseUrl) && !options.PublicBaseUrl!.AbsolutePath.EndsWith('/'))
        {
            options.PublicBaseUrl = new Uri(options.PublicBaseUrl.GetLeftPart(UriPartial.Path) + "/");
        }
    }

    public ValidateOptionsResult Validate(string? name, CrowdsourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return IsUsable(options.PublicBaseUrl)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"The site's public address is not set: set {Setting} (Crowdsource:PublicBaseUrl) to the absolute http or https address "
                + "people use to reach the site, such as https://crowdsource.example/. It is required outside Development: links in "
                + "e-mails (password resets, confirmations, invitations) are built from it, never from the request's Host header."
                + (options.PublicBaseUrl is { } invalid ? $" '{invalid.OriginalString}' is not such an address." : string.Empty));
    }

    private static bool IsUsable(Uri? url) =>
        url is { IsAbsoluteUri: true }
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0;

    /// <summary>The first address of ASPNETCORE_URLS (or --urls), with a wildcard host read as localhost.</summary>
    private string? FirstListeningAddress()
    {
        var first = configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        foreach (var wildcard in new[] { "://+", "://*", "://[::]", "://0.0.0.0" })
        {
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return Uri.TryCreate(first, UriKind.Absolute, out var address) ? address.GetLeftPart(UriPartial.Path) : null;
    }
}
