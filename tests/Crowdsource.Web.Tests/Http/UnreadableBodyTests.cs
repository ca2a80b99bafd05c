using System.Net.Sockets;
using System.Text;
using Crowdsource.Web.Tests.Support;
using Xunit.Abstractions;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Bodies only a real server sees (Kestrel, over a raw connection): a Content-Length that lies either way, and one
/// over the size limit. Each answers 400 or 413 with the friendly page, never 500.
/// </summary>
public sealed class UnreadableBodyTests(UnreadableBodyTests.KestrelSite site, ITestOutputHelper output) : IClassFixture<UnreadableBodyTests.KestrelSite>
{
    private const string FriendlyTitle = "This request could not be understood";

    [Fact]
    public async Task A_body_shorter_than_its_content_length_gets_a_friendly_client_error_when_the_server_stops_waiting()
    {
        // The rest never comes: Kestrel's minimum body data rate ends the wait after its grace period.
        var answer = await ExchangeAsync(Request("/Account/Login", contentLength: 100_000, body: "Input.Email=a%40example.com&Input.Pass"));

        Assert.Matches(@"^HTTP/1\.1 4\d\d ", answer);
        Assert.Contains("<h1", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_longer_than_its_content_length_gets_the_friendly_400_page_and_no_server_error()
    {
        var answer = await ExchangeAsync(Request("/Account/Register", contentLength: 7, body: "Input.Email=a%40example.com&Input.Password=whatever"));

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.Contains(FriendlyTitle, answer, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP/1.1 5", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_the_friendly_413_page()
    {
        var answer = await ExchangeAsync(Request("/Account/Login", contentLength: 64L * 1024 * 1024, body: "Input.Email="));

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("This is too large", answer, StringComparison.Ordinal);
    }

    private static string Request(string path, long contentLength, string body) =>
        $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + $"Content-Length: {contentLength}\r\nConnection: close\r\n\r\n{body}";

    /// <summary>Sends the bytes as written (no client corrects them) and reads the answer until the server closes.</summary>
    private async Task<string> ExchangeAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(site.BaseAddress.Host, site.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync(timeout.Token);
        output.WriteLine(answer.Length > 300 ? answer[..300] : answer);
        return answer;
    }

    /// <summary>The site on Kestrel on a free port, on its own database.</summary>
    public sealed class KestrelSite : IAsyncLifetime
    {
        private readonly CrowdsourceWebFactory _site = new();

        public Uri BaseAddress { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)_site).InitializeAsync();
            _site.UseKestrel(0);
            _site.StartServer();
            BaseAddress = _site.ClientOptions.BaseAddress;
        }

        public async Task DisposeAsync() => await ((IAsyncLifetime)_site).DisposeAsync();
    }
}
