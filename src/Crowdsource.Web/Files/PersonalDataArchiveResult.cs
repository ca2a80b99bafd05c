using System.IO.Compression;
using System.Text.Json;
using Crowdsource.Application.Files;
using Crowdsource.Application.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Crowdsource.Web.Files;

/// <summary>
/// Writes a person's data export as a ZIP: JSON documents and their files, each copied from the store chunk by chunk
/// into a temporary file (deleted when closed), then sent. Nothing is held whole in memory.
/// </summary>
public sealed class PersonalDataArchiveResult(ExportMyData.Plan plan) : IActionResult
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var store = http.RequestServices.GetRequiredService<IFileStore>();
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in plan.Documents)
            {
                await using var entry = archive.CreateEntry(path, CompressionLevel.Optimal).Open();
                await JsonSerializer.SerializeAsync(entry, content, content.GetType(), Json, http.RequestAborted);
            }

            foreach (var (path, fileId) in plan.Files)
            {
                // Entry files are compressed already (images, PDF, video): store them as they are.
                await using var entry = archive.CreateEntry(path, CompressionLevel.NoCompression).Open();
                await store.CopyToAsync(fileId, entry, http.RequestAborted);
            }
        }

        buffer.Position = 0;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(plan.ArchiveName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.ContentType = "application/zip";
        http.Response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
