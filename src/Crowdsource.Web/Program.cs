using Crowdsource.Application;
using Crowdsource.Infrastructure;
using Crowdsource.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCrowdsourceLogging();
builder.AddCrowdsourceTelemetry();
builder.ProtectKeysAtRest();
builder.Services
    .AddApplication()
    .AddInfrastructure()
    .AddCrowdsourceWeb();

var app = builder.Build();

if (CreateAdminCommandLine.IsRequested(args))
{
    return await CreateAdminCommandLine.RunAsync(app, args);
}

await StartupTasks.RunAsync(app);
app.UseCrowdsourcePipeline();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
