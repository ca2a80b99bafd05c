using System.Net;
using Crowdsource.Application.Accounts;
using Crowdsource.Application.Administration;
using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Crowdsource.Web.Tests.Http;

/// <summary>With sessions kept in the database, a role an admin removes still leaves the signed-in person's session within the minute.</summary>
public sealed class RoleChangeSessionTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    [Fact]
    public async Task A_removed_role_leaves_a_signed_in_session_within_the_security_stamp_interval()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var site = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        }));
        var account = new TestAccount($"moderator.{Guid.NewGuid():N}@example.com", "web test passphrase");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new EnsureAccount.Command(account.Email, "Web Tester", account.Password, [Roles.Moderator]));
        }

        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(client, account);
        var queue = new Uri("/Moderation/Queue", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(queue)).StatusCode);

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CrowdsourceUser>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByEmailAsync(account.Email))!, Roles.Moderator)).Succeeded);
        }

        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(queue)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(queue)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Account/Manage", UriKind.Relative))).StatusCode);
    }
}
