using Crowdsource.Application.Administration;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Common;

namespace Crowdsource.Application.Tests.Administration;

/// <summary>In a class (and so a database) of its own: it needs to know exactly how many admins exist.</summary>
public sealed class LastAdminTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task The_platform_keeps_at_least_one_admin()
    {
        var first = await fixture.ConfirmedAsync(Roles.Admin);
        var second = await fixture.ConfirmedAsync(Roles.Admin);

        // The first removes the second: allowed, one admin is left.
        await fixture.SendAsync(sender => sender.Send(new RevokeRole.Command(second.UserId, Roles.Admin)), first);

        // The second still holds a cookie that says Admin; removing the last admin is refused all the same.
        var error = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new RevokeRole.Command(first.UserId, Roles.Admin)), second));
        Assert.Equal("accounts.last-admin", error.Code);
    }
}
