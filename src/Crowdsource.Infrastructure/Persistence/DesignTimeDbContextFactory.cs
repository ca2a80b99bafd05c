using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crowdsource.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web app or a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CrowdsourceDbContext>
{
    public CrowdsourceDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Crowdsource")
            ?? "Host=localhost;Database=crowdsource;Username=postgres";
        var options = new DbContextOptionsBuilder<CrowdsourceDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(CrowdsourceDbContext).Assembly.FullName))
            .Options;
        return new CrowdsourceDbContext(options);
    }
}
