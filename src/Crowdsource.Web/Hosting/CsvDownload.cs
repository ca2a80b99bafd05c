using Crowdsource.Application.Judging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Crowdsource.Web.Hosting;

/// <summary>A CSV report sent as a download, its rows written to the response as they come (no whole file in memory).</summary>
internal sealed class CsvDownload(GetResultsCsv.Document document) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(document.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await document.WriteToAsync(response.Body, context.HttpContext.RequestAborted);
    }
}
