using System.Net;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

public sealed class StartupTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    [Fact]
    public async Task An_admin_configured_for_the_first_start_exists_and_can_log_in()
    {
        var email = $"first.admin.{Guid.NewGuid():N}@example.com";
        using var configured = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Crowdsource:Admin:Email", email)
            .UseSetting("Crowdsource:Admin:Password", "configured admin passphrase"));
        var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await Forms.SignInAsync(client, new TestAccount(email, "configured admin passphrase"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Admin/Accounts", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_unexpected_failure_shows_the_friendly_error_page_without_details()
    {
        using var failing = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter, ThrowAfterEverything>()));

        var response = await failing.CreateClient().GetAsync(new Uri("/explode", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong on our side", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Kaboom", body, StringComparison.Ordinal);
    }

    /// <summary>A last middleware that throws: stands for any bug the app's pipeline must catch.</summary>
    private sealed class ThrowAfterEverything : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/explode"
                ? throw new InvalidOperationException("Kaboom with secrets")
                : Task.CompletedTask);
        };
    }
}
