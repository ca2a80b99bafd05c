using Crowdsource.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// Bodies the site cannot read are the sender's fault, not the site's: over the size or form limits, cut short,
/// with a Content-Length that lies, or malformed. They answer 400 or 413 with the friendly page, and the cause is
/// logged at Warning. The error page itself never reads the body of the request it stands in for.
/// </summary>
internal static partial class RequestBodies
{
    /// <summary>
    /// Placed after the status-code pages: a refused body becomes an empty 400/413 response, which they then show as
    /// the friendly page in the visitor's language.
    /// </summary>
    public static IApplicationBuilder UseUnreadableBodiesAsClientErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (ClientErrorStatus(exception) is { } status && !context.Response.HasStarted)
        {
            Refuse(context, status, exception);
            return;
        }

        // Antiforgery reads the form first and answers a bare 400 when it cannot: the form feature keeps the failure,
        // so reading again tells why (over the size limit is 413), and it is logged.
        if (context.Response.StatusCode == StatusCodes.Status400BadRequest && !context.Response.HasStarted && context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception exception) when (exception is IOException || ClientErrorStatus(exception) is not null)
            {
                Refuse(context, ClientErrorStatus(exception) ?? StatusCodes.Status400BadRequest, exception);
            }
        }
    });

    private static void Refuse(HttpContext context, int status, Exception exception)
    {
        LogBodyRefused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestBodies)),
            context.Request.Method, context.Request.Path, status, exception.GetType().Name, exception.Message);
        context.Response.Clear();
        context.Response.StatusCode = status;
    }

    /// <summary>
    /// Placed after the exception handler and the status-code pages, which re-execute the original request (POST
    /// included) on the error page: there it becomes a GET with an empty form, so neither the page's binding nor
    /// antiforgery reads a body that may be the very thing that failed.
    /// </summary>
    public static IApplicationBuilder UseErrorPagesWithoutRequestBody(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.IsErrorPage())
        {
            await next(context);
            return;
        }

        var method = context.Request.Method;
        var form = context.Features.Get<IFormFeature>();
        context.Request.Method = HttpMethods.Get;
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = method;
            context.Features.Set(form);
        }
    });

    /// <summary>400 or 413 when reading the request's body failed because of what was sent; null for anything else.</summary>
    public static int? ClientErrorStatus(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case BadHttpRequestException badRequest:
                    return badRequest.StatusCode;
                case InvalidDataException:
                    return StatusCodes.Status400BadRequest;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: request body refused with {StatusCode} ({Exception}: {Reason})")]
    private static partial void LogBodyRefused(ILogger logger, string method, string path, int statusCode, string exception, string reason);
}
