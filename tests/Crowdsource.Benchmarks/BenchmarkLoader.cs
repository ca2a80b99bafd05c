namespace Crowdsource.Benchmarks;

public static class BenchmarkLoader
{
    public static async Task LoadAsync(string connectionString, BenchmarkVolume volume, TextWriter log)
    {
        await TemplateData.CreateAsync(connectionString);
    }
}
