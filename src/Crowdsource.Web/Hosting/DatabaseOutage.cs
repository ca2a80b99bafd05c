using Crowdsource.Infrastructure.Persistence.Availability;
using Crowdsource.Infrastructure;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// While PostgreSQL does not answer, every page answers at once with 503 and <c>Retry-After</c>; the status code pages
/// then show the friendly "back in a moment" page (<see cref="Pages.Errors.StatusModel"/>), which needs no database. A
/// request whose own call found it unreachable is answered the same way, and so is one that was waiting on it when it
/// was found down: its token is cancelled (but Npgsql, measured on a frozen server, gives up on a statement only at
/// its command timeout). The health checks and static files are not concerned.
/// </summary>
internal static class DatabaseOutage
{
    /// <summary>Seconds a browser or a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseDatabaseOutagePage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var availability = context.RequestServices.GetRequiredService<DatabaseAvailability>();
        if (context.IsErrorPage() || context.Request.Path.StartsWithSegments("/health"))
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
