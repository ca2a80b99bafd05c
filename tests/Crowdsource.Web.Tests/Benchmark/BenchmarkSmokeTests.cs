using System.Net;
using Crowdsource.Benchmarks;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crowdsource.Web.Tests.Benchmark;

/// <summary>
/// The benchmark at a tiny volume, so ./bench.sh keeps working: the loader fills a migrated test database through the
/// real code and its bulk copies, and every page bench.sh measures (the same list) answers 200 with content, signed in
/// as bench.sh signs in. Figures are bench.sh's business, never asserted here.
/// </summary>
public sealed class BenchmarkSmokeTests : IAsyncLifetime
{
    private readonly CrowdsourceWebFactory _factory = new();

    public async Task InitializeAsync()
    {
        await _factory.InitializeAsync();
        await BenchmarkLoader.LoadAsync(_factory.ConnectionString, BenchmarkVolume.For(100), TextWriter.Null);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Every_benchmark_page_answers_with_content_at_a_tiny_volume()
    {
        var pages = await BenchmarkPages.ResolveAsync(_factory.ConnectionString);
        Assert.Contains(pages, page => page.Kind == PageKind.SignedIn);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        try
        {
            foreach (var page in pages)
            {
                var client = await ClientAsync(clients, page.Account);
                using var response = await client.GetAsync(new Uri(page.Path, UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page.Name} ({page.Path}): {(int)response.StatusCode}");
                Assert.True(body.Length > 100, $"{page.Name} ({page.Path}) is nearly empty");
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    private async Task<HttpClient> ClientAsync(Dictionary<string, HttpClient> clients, string? account)
    {
        var key = account ?? string.Empty;
        if (!clients.TryGetValue(key, out var client))
        {
            client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (account is not null)
            {
                var credentials = BenchmarkAccounts.All.Single(candidate => candidate.Email == account);
                await Forms.SignInAsync(client, new TestAccount(credentials.Email, credentials.Password));
            }

            clients[key] = client;
        }

        return client;
    }
}
