using Crowdsource.Application.Administration;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;

namespace Crowdsource.Application.Tests.Administration;

public sealed class EnsureAccountTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task Creates_a_confirmed_admin_who_is_also_a_creative()
    {
        var email = Support.Accounts.NewEmail("admin");

        var outcome = await fixture.SendAsync(sender => sender.Send(new EnsureAccount.Command(email, "Ada", "first admin passphrase", [Roles.Admin])));

        Assert.Equal(EnsureAccount.Outcome.Created, outcome);
        Assert.True((await fixture.UserAsync(email))!.EmailConfirmed);
        Assert.Equal([Roles.Admin, Roles.Creative], (await fixture.RolesOfAsync(email)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Running_it_again_keeps_the_password_and_adds_missing_roles()
    {
        var email = Support.Accounts.NewEmail("admin");
        await fixture.SendAsync(sender => sender.Send(new EnsureAccount.Command(email, "Ada", "first admin passphrase", [Roles.Moderator])));

        var outcome = await fixture.SendAsync(sender => sender.Send(new EnsureAccount.Command(email, "Ada", "another admin passphrase", [Roles.Admin])));

        Assert.Equal(EnsureAccount.Outcome.AlreadyExisted, outcome);
        Assert.True(await fixture.PasswordWorksAsync(email, "first admin passphrase"));
        Assert.Equal([Roles.Admin, Roles.Creative, Roles.Moderator], (await fixture.RolesOfAsync(email)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_weak_configured_password_is_refused_rather_than_used()
    {
        var email = Support.Accounts.NewEmail("admin");

        await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new EnsureAccount.Command(email, "Ada", "admin", [Roles.Admin]))));

        Assert.Null(await fixture.UserAsync(email));
    }
}
