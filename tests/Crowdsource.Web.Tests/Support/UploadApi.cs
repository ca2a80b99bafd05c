using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Crowdsource.Domain.Files;

namespace Crowdsource.Web.Tests.Support;

/// <summary>The resumable upload endpoints as the site's script calls them (the antiforgery token in X-CSRF-TOKEN).</summary>
public static class UploadApi
{
    public sealed record Progress(long Received, long Length);

    public sealed record Started(Guid Id, int ChunkBytes);

    public static HttpRequestMessage StartRequest(string token, string fileName, long length)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/uploads", UriKind.Relative)) { Content = JsonContent.Create(new { fileName, length }) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return request;
    }

    /// <summary>Announces a file and returns the upload's id (asserting 201 and the chunk size).</summary>
    public static async Task<Guid> StartAsync(HttpClient client, string token, string fileName, long length)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = StartRequest(token, fileName, length);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<Started>();
        Assert.Equal(Upload.ChunkBytes, started!.ChunkBytes);
        return started.Id;
    }

    /// <summary>Sends the chunk of <paramref name="file"/> that starts at <paramref name="offset"/>.</summary>
    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string token, Guid id, byte[] file, long offset)
    {
        ArgumentNullException.ThrowIfNull(file);
        return SendChunkAsync(client, token, id, offset, new ByteArrayContent(file, (int)offset, (int)Math.Min(Upload.ChunkBytes, file.Length - offset)));
    }

    public static async Task<HttpResponseMessage> SendChunkAsync(HttpClient client, string token, Guid id, long offset, HttpContent content)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/uploads/{id}?offset={offset}", UriKind.Relative)) { Content = content };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.SendAsync(request);
    }
}
