using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crowdsource.Web.Tests.Support;

/// <summary>
/// The Nu HTML Checker (vnu.jar, found through CROWDSOURCE_VNU_JAR, which test.sh and .ci/run set after installing
/// it with npm into a cache folder outside the repository) run on the HTML a page was served with. Where it is
/// missing the check is left out, except under CI=true, where that is a failure.
/// </summary>
public static partial class HtmlChecker
{
    public const string JarVariable = "CROWDSOURCE_VNU_JAR";

    /// <summary>The jar, or null where there is none and CI is not set.</summary>
    public static string? Jar
    {
        get
        {
            var jar = Environment.GetEnvironmentVariable(JarVariable);
            if (!string.IsNullOrEmpty(jar) && File.Exists(jar))
            {
                return jar;
            }

            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"The Nu HTML Checker is needed under CI: {JarVariable}='{jar}' names no file (test.sh installs it with npm install vnu-jar).");
            }

            return null;
        }
    }

    /// <summary>
    /// The checker's errors on <paramref name="html"/>, one line each ("line N: message"), without the one about
    /// the attributes Razor's CSS isolation adds (b-xxxxxxxxxx), which browsers ignore by design. Empty when there is no checker.
    /// The checker runs as one HTTP service for the whole test run (<see cref="Service"/>): a page then takes some
    /// milliseconds instead of a Java start (seconds on this machine). The same HTML is checked once.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(string html)
    {
        if (Jar is not { } jar)
        {
            return [];
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(html)));
        if (Checked.TryGetValue(key, out var known))
        {
            return known;
        }

        var service = await Service.Start(jar);
        using var content = new StringContent(html, Encoding.UTF8, "text/html");
        using var answer = await service.Client.PostAsync(new Uri(service.Address, "?out=json"), content);
        if (!answer.IsSuccessStatusCode)
        {
            var body = await answer.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"The Nu HTML Checker service at {service.Address} answered {(int)answer.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        }

        using var json = JsonDocument.Parse(await answer.Content.ReadAsStreamAsync());
        IReadOnlyList<string> errors = [.. json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(message => message.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(message => (Line: message.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0, Text: message.GetProperty("message").GetString() ?? string.Empty))
            .Where(message => !CssIsolationAttribute().IsMatch(message.Text))
            .Select(message => $"line {message.Line}: {message.Text}")];
        Checked[key] = errors;
        return errors;
    }

    /// <summary>Starts the checker service now, so the Java start overlaps the site's; errors surface at the first check.</summary>
    public static void StartEarly()
    {
        if (Jar is { } jar)
        {
            _ = Service.Start(jar);
        }
    }

    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Checked = new();

    /// <summary>
    /// vnu's own HTTP service (java -cp vnu.jar nu.validator.servlet.Main PORT) on a free loopback port, started once
    /// per test run and stopped when the test process ends.
    /// </summary>
    private sealed class Service
    {
        private static readonly Lock Gate = new();
        private static Task<Service>? _started;

        private Service(Uri address) => Address = address;

        public Uri Address { get; }

        public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromMinutes(2), DefaultRequestHeaders = { { "User-Agent", "Crowdsource.Web.Tests" } } }; // vnu answers 400 without one

        public static Task<Service> Start(string jar)
        {
            lock (Gate)
            {
                return _started ??= StartAsync(jar);
            }
        }

        private static async Task<Service> StartAsync(string jar)
        {
            var port = FreePortBelowEphemeralRange();

            var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in (string[])["-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp", jar, "nu.validator.servlet.Main", port.ToString(CultureInfo.InvariantCulture)])
            {
                start.ArgumentList.Add(argument);
            }

            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new ConcurrentQueue<string>();
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            DataReceivedEventHandler watch = (_, line) =>
            {
                if (line.Data is not { } text)
                {
                    return;
                }

                output.Enqueue(text);
                if (text.StartsWith("Checker service started", StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
            };
            process.OutputDataReceived += watch;
            process.ErrorDataReceived += watch;
            process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
                $"The Nu HTML Checker service stopped before it was ready:{Environment.NewLine}{string.Join(Environment.NewLine, output.Take(20))}"));
            if (!process.Start())
            {
                throw new InvalidOperationException("java did not start");
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // it had already stopped
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await ready.Task.WaitAsync(TimeSpan.FromMinutes(3));
            return new Service(new Uri($"http://127.0.0.1:{port}/"));
        }

        /// <summary>
        /// A free loopback port under Linux's ephemeral range (32768 and up), where the port-0 listeners the tests'
        /// sites start (Kestrel on port 0) are never given it between this probe and the checker's own bind.
        /// </summary>
        private static int FreePortBelowEphemeralRange()
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var port = Random.Shared.Next(20_000, 32_000);
                try
                {
                    using var probe = new TcpListener(IPAddress.Loopback, port);
                    probe.Start();
                    return port;
                }
                catch (SocketException)
                {
                    // taken: try another
                }
            }

            throw new InvalidOperationException("No free port for the Nu HTML Checker service between 20000 and 32000.");
        }
    }

    [GeneratedRegex(@"^Attribute “b-[a-z0-9]{10}” not allowed")]
    private static partial Regex CssIsolationAttribute();
}
