using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Crowdsource.Domain.Files;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;

namespace Crowdsource.Web.Tests.Cluster;

/// <summary>
/// Issue 12, "uploads lost on restart": in the two-instance topology, one instance is killed in the middle of a chunk
/// and the upload carries on through the other, from the last chunk the database has; then that instance is sent
/// SIGTERM in the middle of a chunk: readiness turns 503 at once, the chunk under way still finishes, and the process
/// exits. One test, in this order, since the second half needs the instance the first half left.
/// </summary>
public sealed class ClusterFailoverTests(LocalCluster cluster) : IClassFixture<LocalCluster>
{
    private const int Chunk = Upload.ChunkBytes;
    private static readonly TestAccount Brand = new("brand@crowdsource.local", "demo passphrase for bruno");

    [Fact]
    public async Task A_killed_instance_costs_one_chunk_and_an_instance_told_to_stop_finishes_the_chunk_under_way()
    {
        var cookies = new CookieContainer();
        using var proxy = LocalCluster.Client(cluster.ProxyUrl, cookies);
        using var doomed = LocalCluster.Client(cluster.Instances[0].Url, cookies);
        using var survivor = LocalCluster.Client(cluster.Instances[1].Url, cookies);
        await Forms.SignInAsync(proxy, Brand);
        var draft = await cluster.ScalarAsync<Guid>("""SELECT "Id" FROM "Challenges" WHERE "Title" = 'Summer flavour vote'""");
        var filesPage = $"/Challenges/Edit/{draft}/files";
        var token = (await Forms.ParseAsync(await proxy.GetAsync(new Uri(filesPage, UriKind.Relative))))
            .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var pdf = TestFiles.LargePdf((3 * Chunk) + 4_321, seed: 7);

        var id = await UploadApi.StartAsync(proxy, token, "failover.pdf", pdf.Length);
        Assert.Equal(HttpStatusCode.OK, (await UploadApi.PutAsync(doomed, token, id, pdf, 0)).StatusCode);

        // Half of the second chunk reaches the first instance, which dies.
        var cut = new HeldBackContent(pdf, Chunk, Chunk);
        var cutSend = UploadApi.SendChunkAsync(doomed, token, id, Chunk, cut);
        await cut.HalfSent;
        await cluster.Instances[0].KillAsync();
        cut.Release();
        await Assert.ThrowsAnyAsync<Exception>(async () => (await cutSend).EnsureSuccessStatusCode());

        // The browser asks where to resume, through the proxy, and the other instance carries on.
        var progress = await proxy.GetFromJsonAsync<UploadApi.Progress>(new Uri($"/uploads/{id}", UriKind.Relative));
        Assert.Equal(Chunk, progress!.Received);
        for (var offset = progress.Received; offset < pdf.Length; offset += Chunk)
        {
            Assert.Equal(HttpStatusCode.OK, (await UploadApi.PutAsync(proxy, token, id, pdf, offset)).StatusCode);
        }

        var added = await proxy.PostAsync(new Uri(filesPage + "?handler=Add", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Uploads"] = id.ToString(),
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var link = (await Forms.ParseAsync(await survivor.GetAsync(new Uri(filesPage, UriKind.Relative))))
            .QuerySelectorAll("a[href*='/files/']").Select(anchor => anchor.GetAttribute("href")!).ToList();
        var downloads = await Task.WhenAll(link.Select(href => survivor.GetByteArrayAsync(new Uri(href, UriKind.Relative))));
        Assert.Contains(downloads, download => download.AsSpan().SequenceEqual(pdf));

        // The survivor is told to stop while a chunk is half sent.
        var second = await UploadApi.StartAsync(survivor, token, "drain.pdf", Chunk + 10);
        var held = new HeldBackContent(TestFiles.LargePdf(Chunk + 10, seed: 8), 0, Chunk);
        var heldSend = UploadApi.SendChunkAsync(survivor, token, second, 0, held);
        await held.HalfSent;
        using var survivorProcess = Process.GetProcessById(cluster.Instances[1].ProcessId);
        using (var term = Process.Start("kill", ["-TERM", cluster.Instances[1].ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessOnceTurnedAsync(survivor));
        held.Release();
        var finished = await heldSend;
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal(Chunk, (await finished.Content.ReadFromJsonAsync<UploadApi.Progress>())!.Received);
        await survivorProcess.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Chunk, await cluster.ScalarAsync<long>("""SELECT "Received" FROM "Uploads" WHERE "Id" = @id""", ("id", second)));
    }

    /// <summary>Readiness as soon as the signal has arrived: it answers 200 until then, 503 from then on.</summary>
    private static async Task<HttpStatusCode> ReadinessOnceTurnedAsync(HttpClient instance)
    {
        var deadline = DateTime.UtcNow.AddSeconds(3);
        HttpStatusCode status;
        do
        {
            status = (await instance.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline);
        return status;
    }

    /// <summary>A chunk whose first half goes at once and whose second half waits for <see cref="Release"/>: a slow connection.</summary>
    private sealed class HeldBackContent(byte[] file, int offset, int count) : HttpContent
    {
        private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HalfSent => _halfSent.Task;

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = count / 2;
            await stream.WriteAsync(file.AsMemory(offset, half));
            await stream.FlushAsync();
            _halfSent.TrySetResult();
            await _released.Task;
            await stream.WriteAsync(file.AsMemory(offset + half, count - half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = count;
            return true;
        }
    }
}
