using System.Diagnostics;
using System.Globalization;
using System.Text;
using Crowdsource.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Crowdsource.Web.Tests.Repository;

/// <summary>
/// deploy/nginx/crowdsource.conf, the compose profile's proxy, run by the local nginx with the instances replaced by
/// a server that echoes what it receives (no Docker here): what the site is told about the client, and what passes.
/// </summary>
public sealed class NginxConfigurationTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"crowdsource-nginx-{Guid.NewGuid():N}");
    private readonly int _port = Support.CrowdsourceWebFactory.FreeLoopbackAddress().Port;
    private WebApplication _echo = null!;
    private Process? _nginx;

    public async Task InitializeAsync()
    {
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx"
            : throw new InvalidOperationException("These tests need nginx (its binary only: no service is started). Install it with: apt-get install -y nginx");
        var echoPort = Support.CrowdsourceWebFactory.FreeLoopbackAddress().Port;
        _echo = Echo(echoPort);
        await _echo.StartAsync();

        Directory.CreateDirectory(_directory);
        var deploy = Path.Combine(RepositoryRoot.Path, "deploy", "nginx");
        var site = (await File.ReadAllTextAsync(Path.Combine(deploy, "crowdsource.conf")))
            .Replace("server web:8080", $"server 127.0.0.1:{echoPort}", StringComparison.Ordinal)
            .Replace("server web2:8080", $"server 127.0.0.1:{echoPort}", StringComparison.Ordinal)
            .Replace("include /etc/nginx/crowdsource-proxy.conf;", $"include {Path.Combine(deploy, "crowdsource-proxy.conf")};", StringComparison.Ordinal)
            .Replace("listen 8080;", $"listen 127.0.0.1:{_port};", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_directory, "site.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(_directory, "nginx.conf"), $$"""
            {{(Environment.IsPrivilegedProcess ? "user nobody nogroup;" : string.Empty)}}
            daemon off;
            pid {{_directory}}/nginx.pid;
            events { }
            http {
                access_log off;
                client_body_temp_path {{_directory}}/body;
                proxy_temp_path {{_directory}}/proxy;
                fastcgi_temp_path {{_directory}}/fastcgi;
                uwsgi_temp_path {{_directory}}/uwsgi;
                scgi_temp_path {{_directory}}/scgi;
                include {{_directory}}/site.conf;
            }
            """);
        _nginx = Process.Start(new ProcessStartInfo(nginx, ["-p", _directory, "-e", Path.Combine(_directory, "error.log"), "-c", Path.Combine(_directory, "nginx.conf")])
            { RedirectStandardError = true });
        // nginx writes its pid file once it listens; a configuration it refuses ends the process instead.
        var pidFile = Path.Combine(_directory, "nginx.pid");
        await DirectoryWaits.UntilAsync([_directory], () => Task.FromResult(File.Exists(pidFile) || _nginx!.HasExited), TimeSpan.FromSeconds(20));
        if (_nginx!.HasExited)
        {
            throw new InvalidOperationException($"nginx refused the configuration: {await _nginx.StandardError.ReadToEndAsync()}");
        }
    }

    /// <summary>Answers with the forwarding headers it received and the size of the body, one per line.</summary>
    private static WebApplication Echo(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = null);
        var echo = builder.Build();
        echo.Run(async context =>
        {
            var length = 0L;
            var buffer = new byte[81920];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
            {
                length += read;
            }

            var headers = new StringBuilder();
            foreach (var name in (string[])["Host", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host"])
            {
                headers.Append(CultureInfo.InvariantCulture, $"{name}: {context.Request.Headers[name]}\n");
            }

            headers.Append(CultureInfo.InvariantCulture, $"Body: {length}\n");
            await context.Response.WriteAsync(headers.ToString());
        });
        return echo;
    }

    private static async Task<Dictionary<string, string>> SendAsync(HttpRequestMessage request)
    {
        using var client = new HttpClient();
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(": ", 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : string.Empty, StringComparer.Ordinal);
    }

    [Fact]
    public async Task The_client_address_scheme_and_host_forwarded_by_the_https_proxy_in_front_reach_the_site()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{_port}/Challenges"));
        request.Headers.Host = "crowdsource.example";
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var seen = await SendAsync(request);

        Assert.Equal("203.0.113.5", seen["X-Forwarded-For"]);
        Assert.Equal("https", seen["X-Forwarded-Proto"]);
        Assert.Equal("crowdsource.example", seen["Host"]);
        Assert.Equal("crowdsource.example", seen["X-Forwarded-Host"]);
    }

    [Fact]
    public async Task Without_a_proxy_in_front_the_site_is_told_the_connection_itself()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{_port}/"));

        var seen = await SendAsync(request);

        Assert.Equal("127.0.0.1", seen["X-Forwarded-For"]);
        Assert.Equal("http", seen["X-Forwarded-Proto"]);
        Assert.Equal($"127.0.0.1:{_port}", seen["Host"]);
    }

    [Fact]
    public async Task An_upload_larger_than_nginx_default_limit_passes_whole()
    {
        var body = new byte[24 * 1024 * 1024]; // nginx refuses more than 1 MB unless told otherwise
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{_port}/Entries/Submit")) { Content = new ByteArrayContent(body) };

        var seen = await SendAsync(request);

        Assert.Equal(body.Length.ToString(CultureInfo.InvariantCulture), seen["Body"]);
    }

    public async Task DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            // TERM, not KILL: the master stops its workers before it exits (a killed master leaves them running).
            using (var term = Process.Start("kill", ["-TERM", _nginx.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            await _nginx.WaitForExitAsync();
        }

        _nginx?.Dispose();
        await _echo.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in /tmp: harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // nginx's temporary folders may belong to its worker user (as root): left in /tmp, harmless.
        }
    }
}
