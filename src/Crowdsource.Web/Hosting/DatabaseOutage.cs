using Crowdsource.Infrastructure.Persistence.Availability;
using Crowdsource.Infrastructure;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// While PostgreSQL does not answer, every page answers at once with 503 and <c>Retry-After</c>; the status code pages
/// then show the friendly "back in a moment" page (<see cref="Pages.Errors.StatusModel"/>), which needs no database. A
/// request whose own call found it unreachable (refused, broken, timed out) is answered the same way. The health
/// checks and static files are not concerned.
/// </summary>
internal static class DatabaseOutage
{
    /// <summary>Seconds a browser or a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseDatabaseOutagePage(this IApplicationBuilder app)
    {
        var availability = app.ApplicationServices.GetRequiredService<DatabaseAvailability>();
        return app.Use(async (context, next) =>
        {
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

            try
            {
                await next(context);
            }
            catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
                && DatabaseAvailability.IsUnavailableError(exception))
            {
                Unavailable(context);
            }
        });
    }

    private static void Unavailable(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
