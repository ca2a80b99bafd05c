using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// A request that matches none of a page's handlers (TRACE, OPTIONS, a POST to a page that only shows, an unknown
/// ?handler= on a page whose handlers all have names) answers 405 with the methods the page takes. Left alone, Razor Pages would render the page without
/// running any handler, on a model nothing has loaded.
/// </summary>
internal sealed class UnmatchedHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return;
        }

        var allowed = context.ActionDescriptor.HandlerMethods
            .Select(handler => handler.HttpMethod.ToUpperInvariant())
            .Append("GET")
            .Append("HEAD")
            .Distinct(StringComparer.Ordinal);
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
