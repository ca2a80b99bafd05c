using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Crowdsource.Infrastructure;

public static class ErrorPageRequests
{
    /// <summary>
    /// Whether this request is the error page the exception handler or the status code pages re-executed a failed
    /// request on (it must show whatever failed: no body, no database).
    /// </summary>
    public static bool IsErrorPage(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
    }
}
