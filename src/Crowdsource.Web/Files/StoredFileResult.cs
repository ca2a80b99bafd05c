using Crowdsource.Application.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Crowdsource.Web.Files;

/// <summary>
/// Sends a stored file as a download that cannot run anything: the type found from its content, nosniff (set for
/// every response), a sandboxing content security policy, and "attachment" for anything but images. The bytes are
/// copied from the store chunk by chunk.
/// </summary>
public sealed class StoredFileResult(FileDownload file, bool cacheable) : IActionResult
{
    public const string ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var etag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = cacheable ? "public, max-age=300" : "private, no-store"; // nothing private stays in a cache
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;

        var requestHeaders = context.HttpContext.Request.GetTypedHeaders();
        if (requestHeaders.IfNoneMatch.Any(candidate => candidate.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var disposition = new ContentDispositionHeaderValue(file.IsImage ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.ContentType = file.ContentType;
        response.ContentLength = file.Length;
        if (HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            return;
        }

        var store = context.HttpContext.RequestServices.GetRequiredService<IFileStore>();
        await store.CopyToAsync(file.FileId, response.Body, context.HttpContext.RequestAborted);
    }
}
