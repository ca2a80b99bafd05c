namespace Crowdsource.Benchmarks;
public enum PageKind { Anonymous, SignedIn }
public sealed record BenchmarkPage(string Name, string Path, string? Account, PageKind Kind);
public static class BenchmarkPages
{
    public static Task<IReadOnlyList<BenchmarkPage>> ResolveAsync(string connectionString) => Task.FromResult<IReadOnlyList<BenchmarkPage>>([]);
}
