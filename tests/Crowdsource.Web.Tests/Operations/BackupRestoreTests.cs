using System.Net;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Crowdsource.Web.Tests.Operations;

/// <summary>
/// docs/operations.md, "Backup and restore": a <c>pg_dump -Fc</c> archive is everything the site needs (files live in
/// PostgreSQL, and so do the Data Protection keys). Restored into a new database, with the original gone, it serves
/// the same challenges and files.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private static readonly TestAccount Brand = new("brand@crowdsource.local", "demo passphrase for bruno");

    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"crowdsource-backup-{Guid.NewGuid():N}.dump");

    [Fact]
    public async Task A_site_restored_from_a_dump_into_a_new_database_serves_its_challenges_and_files()
    {
        byte[] pdf;
        Guid draft;
        Guid open;
        var original = new CrowdsourceWebFactory { ConfigureSite = builder => builder.UseSetting("Crowdsource:SeedDemoData", "true") };
        try
        {
            await ((IAsyncLifetime)original).InitializeAsync();
            using var brand = original.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await Forms.SignInAsync(brand, Brand);
            draft = await IdOfAsync(original.ConnectionString, "Summer flavour vote");
            open = await IdOfAsync(original.ConnectionString, "Name our new oat drink");
            pdf = TestFiles.Pdf($"Backed up {Guid.NewGuid():N}");
            var filesPage = $"/Challenges/Edit/{draft}/files";
            var added = await Forms.UploadAsync(brand, filesPage, filesPage + "?handler=Add", new Dictionary<string, string>(),
                ("Input.File", "Backed up.pdf", pdf, "application/pdf"));
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

            await PostgresPrograms.DumpAsync(original.ConnectionString, _archive);
        }
        finally
        {
            await ((IAsyncLifetime)original).DisposeAsync(); // the original database is dropped: only the archive is left
        }

        var restored = new CrowdsourceWebFactory();
        restored.UseDatabase(await RestoreIntoNewDatabaseAsync());
        try
        {
            using var visitor = restored.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var page = await visitor.GetAsync(new Uri($"/Challenges/{open}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Name our new oat drink", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var brand = restored.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await Forms.SignInAsync(brand, Brand);
            var filesPage = $"/Challenges/Edit/{draft}/files";
            var link = (await Forms.ParseAsync(await brand.GetAsync(new Uri(filesPage, UriKind.Relative))))
                .QuerySelectorAll("a[href*='/files/']").Select(anchor => anchor.GetAttribute("href")!).Single(href => href.Contains("Backed", StringComparison.Ordinal));
            var download = await brand.GetAsync(new Uri(link, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            await ((IAsyncLifetime)restored).DisposeAsync(); // drops the restored database
        }
    }

    private async Task<string> RestoreIntoNewDatabaseAsync()
    {
        var admin = await PostgresServer.AdminConnectionStringAsync();
        var name = $"crowdsource_restored_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var restored = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        await PostgresPrograms.RestoreAsync(_archive, restored);
        return restored;
    }

    private static async Task<Guid> IdOfAsync(string connectionString, string title)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Id" FROM "Challenges" WHERE "Title" = @title""", connection);
        command.Parameters.AddWithValue("title", title);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => File.Delete(_archive);
}
