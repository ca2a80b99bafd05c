using Crowdsource.Infrastructure.Persistence.Availability;
using Microsoft.AspNetCore.Diagnostics;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// While PostgreSQL does not answer, every page answers at once with 503 and <c>Retry-After</c>; the status code pages
/// then show the friendly "back in a moment" page (<see cref="Pages.Errors.StatusModel"/>), which needs no database. A
/// request that was waiting on the database when it stopped answering is cancelled and answered the same way, and so
/// is one whose own call found it unreachable. The health checks and static files are not concerned.
/// </summary>
internal static class DatabaseOutage
{
    /// <summary>Seconds a browser or a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseDatabaseOutagePage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var availability = context.RequestServices.GetRequiredService<DatabaseAvailability>();
        var errorPage = context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
        if (errorPage || context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }

        if (availability.IsDown)
        {
            Unavailable(context);
            return;
        }

        var clientGone = context.RequestAborted;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(clientGone, availability.WhileUp);
        context.RequestAborted = waiting.Token;
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !clientGone.IsCancellationRequested
            && (DatabaseAvailability.IsUnavailableError(exception) || waiting.IsCancellationRequested))
        {
            Unavailable(context);
        }
        finally
        {
            context.RequestAborted = clientGone;
        }
    });

    private static void Unavailable(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
