using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Files.Uploads;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Files;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;

namespace Crowdsource.Web.Files;

/// <summary>
/// Resumable uploads, for the site's own script (forms marked data-upload-progress): announce a file, send it a chunk
/// at a time, and after a lost connection or a restart ask how much arrived and send the rest, through any instance.
/// Only for the signed-in person who started the upload; changes need the antiforgery token in the X-CSRF-TOKEN header.
/// Without script, forms post their files as usual.
/// </summary>
internal static class UploadEndpoints
{
    public const string Path = "/uploads";

    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder app)
    {
        var uploads = app.MapGroup(Path).RequireAuthorization();
        uploads.MapPost("/", StartAsync)
            .AddEndpointFilter(ValidateAntiforgeryAsync)
            .WithMetadata(new RateLimitedAttribute(RateLimitGroup.Action));
        uploads.MapGet("/{id:guid}", ProgressAsync);
        uploads.MapPut("/{id:guid}", AppendAsync)
            .AddEndpointFilter(ValidateAntiforgeryAsync);
        return app;
    }

    public sealed record StartRequest(string FileName, long Length);

    private static Task<IResult> StartAsync(StartRequest request, ISender sender, CancellationToken cancellationToken) =>
        AnswerAsync(async () => Results.Json(await sender.Send(new StartUpload.Command(request.FileName ?? string.Empty, request.Length), cancellationToken),
            statusCode: StatusCodes.Status201Created));

    private static Task<IResult> ProgressAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        AnswerAsync(async () => Results.Json(await sender.Send(new GetUploadProgress.Query(id), cancellationToken)));

    /// <summary>The body is the chunk that starts at <paramref name="offset"/>: a whole chunk, or the end of the file.</summary>
    private static Task<IResult> AppendAsync(Guid id, long offset, HttpRequest request, ISender sender, CancellationToken cancellationToken) =>
        AnswerAsync(async () =>
        {
            var chunk = new byte[Upload.ChunkBytes];
            var read = await request.Body.ReadAtLeastAsync(chunk, chunk.Length, throwOnEndOfStream: false, cancellationToken);
            if (read == chunk.Length && await request.Body.ReadAsync(new byte[1], cancellationToken) > 0)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            try
            {
                return Results.Json(await sender.Send(new AppendToUpload.Command(id, offset, chunk.AsMemory(0, read)), cancellationToken));
            }
            catch (DomainRuleException rule)
            {
                // Out of place: the browser carries on from what the server has.
                var progress = await sender.Send(new GetUploadProgress.Query(id), cancellationToken);
                return Results.Json(new { rule.Message, progress.Received, progress.Length }, statusCode: StatusCodes.Status409Conflict);
            }
        });

    private static async Task<IResult> AnswerAsync(Func<Task<IResult>> answer)
    {
        try
        {
            return await answer();
        }
        catch (ValidationException validation)
        {
            return Results.Json(new { Errors = validation.Errors.SelectMany(field => field.Value).ToList() }, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
        catch (ForbiddenException)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    private static async ValueTask<object?> ValidateAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // A body sent as a form would be parsed as one to look for the token: neither endpoint takes forms.
        if (context.HttpContext.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return Results.BadRequest();
        }

        return await next(context);
    }
}
