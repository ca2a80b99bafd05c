using System.Diagnostics;
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
    /// </summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(string html)
    {
        if (Jar is not { } jar)
        {
            return [];
        }

        var file = Path.Combine(Path.GetTempPath(), $"vnu-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);
        try
        {
            var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in (string[])["-jar", jar, "--errors-only", "--format", "json", file])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var report = await process.StandardError.ReadToEndAsync(); // vnu writes its JSON report to standard error
            await output;
            await process.WaitForExitAsync();
            using var json = JsonDocument.Parse(report);
            return [.. json.RootElement.GetProperty("messages").EnumerateArray()
                .Where(message => message.GetProperty("type").GetString() == "error")
                .Select(message => (Line: message.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0, Text: message.GetProperty("message").GetString() ?? string.Empty))
                .Where(message => !CssIsolationAttribute().IsMatch(message.Text))
                .Select(message => $"line {message.Line}: {message.Text}")];
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"^Attribute “b-[a-z0-9]{10}” not allowed")]
    private static partial Regex CssIsolationAttribute();
}
