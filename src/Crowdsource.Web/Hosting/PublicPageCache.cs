using System.IO.Compression;
using Crowdsource.Application.Common;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// Anonymous public pages are kept in the output cache for at most <see cref="Lifetime"/>, per address (query included),
/// language and time zone; never a signed-in person's page. A command evicts them at once on this instance
/// (<see cref="Application.Common.Behaviours.PublicPagesBehaviour{TMessage,TResponse}"/>); other instances of the site catch up when the short
/// lifetime ends, so a change shows everywhere within two seconds.
/// </summary>
internal sealed class PublicPageCache : IOutputCachePolicy
{
    public const string PolicyName = "PublicPage";

    public const string Tag = "public";

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    /// <summary>Shared caches (a CDN, a reverse proxy) may keep a public page as long; browsers ask again each time.</summary>
    public const string PublicCacheControl = "public, max-age=0, s-maxage=2";

    public const string SignedInCacheControl = "no-cache, no-store";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var anonymous = http.User.Identity?.IsAuthenticated != true && !http.Request.Headers.ContainsKey(HeaderNames.Authorization);
        var readOnly = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        if (!anonymous)
        {
            // A signed-in page names its reader: no cache anywhere may keep it. The value antiforgery sets on a page
            // with a form (a different one makes it log a warning on every signed-in page).
            http.Response.Headers.CacheControl = SignedInCacheControl;
        }

        // A status message waiting in the TempData cookie is for this visitor alone.
        var hasMessage = http.Request.Cookies.ContainsKey(CookieTempDataProvider.CookieName);
        context.EnableOutputCaching = anonymous && readOnly && !hasMessage;
        context.AllowCacheLookup = context.EnableOutputCaching;
        context.AllowCacheStorage = context.EnableOutputCaching;
        // One rendering per page when many ask at once (without it, every visitor arriving when the page expires
        // renders it again: measured at 100,000 challenges, the list then answered nothing within 2 s).
        context.AllowLocking = true;
        if (!context.EnableOutputCaching)
        {
            return ValueTask.CompletedTask;
        }

        // That rendering is shared by everyone waiting for it: the visitor who started it leaving must not cancel it
        // (all the waiters would get an error; seen under load as bursts of 500s).
        http.RequestAborted = CancellationToken.None;

        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = System.Globalization.CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["zone"] = http.RequestServices.GetRequiredService<ViewerTime>().ZoneName;
        http.Response.Headers.CacheControl = PublicCacheControl;
        http.Response.Headers.Vary = "Accept-Language, Cookie"; // the language and the time zone come from them
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // Only a plain page for everyone: not an error, not a page that set a cookie (a token would be shared).
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Evicts the kept public pages of this instance when a command changed something.</summary>
internal sealed class OutputCachePublicPages(IOutputCacheStore store) : IPublicPages
{
    public ValueTask ChangedAsync(CancellationToken cancellationToken) => store.EvictByTagAsync(PublicPageCache.Tag, cancellationToken);
}

/// <summary>
/// Compression (Brotli, gzip) without BREACH: over HTTPS only public pages are compressed, which carry no secret (no
/// antiforgery token, nothing personal); a page with a token or for a signed-in person goes uncompressed.
/// </summary>
internal sealed class PublicOnlyCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return base.ShouldCompressResponse(context)
            && (!context.Request.IsHttps || context.Response.Headers.CacheControl.ToString().StartsWith("public", StringComparison.Ordinal));
    }
}

internal static class PublicPageCacheSetup
{
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(PublicPageCache.PolicyName, new PublicPageCache()));
        services.AddSingleton<IPublicPages, OutputCachePublicPages>();
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true; // see PublicOnlyCompressionProvider
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, PublicOnlyCompressionProvider>();
        return services;
    }
}
