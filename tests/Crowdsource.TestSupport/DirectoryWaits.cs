namespace Crowdsource.TestSupport;

/// <summary>
/// Waits for something a process writes to disk (a pid file, e-mails in a pickup folder) by watching the folders, not
/// by polling with sleeps: the condition is checked at once and again after every change there.
/// </summary>
public static class DirectoryWaits
{
    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after <paramref name="patience"/>.</summary>
    public static async Task UntilAsync(IReadOnlyList<string> directories, Func<Task<bool>> condition, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(condition);
        using var changed = new SemaphoreSlim(0);
        var watchers = directories.Select(directory =>
        {
            Directory.CreateDirectory(directory);
            var watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = false };
            watcher.Created += (_, _) => changed.Release();
            watcher.Renamed += (_, _) => changed.Release();
            watcher.Changed += (_, _) => changed.Release();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }).ToList();
        try
        {
            using var timeout = new CancellationTokenSource(patience);
            while (!await condition())
            {
                try
                {
                    await changed.WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"Not reached within {patience.TotalSeconds} s (watching {string.Join(", ", directories)}).");
                }
            }
        }
        finally
        {
            watchers.ForEach(watcher => watcher.Dispose());
        }
    }
}
