using Crowdsource.Application.Administration;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Common;

namespace Crowdsource.Application.Tests.Administration;

public sealed class RoleManagementTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task<string> EmailOf(Actor actor) =>
        (await fixture.DbAsync(db => Task.FromResult(db.Users.Single(user => user.Id == actor.UserId).Email!)));

    [Fact]
    public async Task An_admin_makes_a_creative_a_moderator_and_granting_twice_is_harmless()
    {
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        var creative = await fixture.ConfirmedAsync();

        await fixture.SendAsync(sender => sender.Send(new GrantRole.Command(creative.UserId, Roles.Moderator)), admin);
        await fixture.SendAsync(sender => sender.Send(new GrantRole.Command(creative.UserId, Roles.Moderator)), admin);

        Assert.Equal([Roles.Creative, Roles.Moderator], (await fixture.RolesOfAsync(await EmailOf(creative))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_moderator_cannot_grant_roles()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var creative = await fixture.ConfirmedAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new GrantRole.Command(creative.UserId, Roles.Admin)), moderator));

        Assert.DoesNotContain(Roles.Admin, await fixture.RolesOfAsync(await EmailOf(creative)));
    }

    [Fact]
    public async Task Brand_membership_is_not_a_role_an_admin_grants_by_hand()
    {
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        var creative = await fixture.ConfirmedAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new GrantRole.Command(creative.UserId, Roles.BrandMember)), admin));

        Assert.True(error.Errors.ContainsKey("Role"));
    }

    [Fact]
    public async Task An_admin_removes_a_moderator()
    {
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);

        await fixture.SendAsync(sender => sender.Send(new RevokeRole.Command(moderator.UserId, Roles.Moderator)), admin);

        Assert.DoesNotContain(Roles.Moderator, await fixture.RolesOfAsync(await EmailOf(moderator)));
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        await fixture.ConfirmedAsync(Roles.Admin);

        var error = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new RevokeRole.Command(admin.UserId, Roles.Admin)), admin));

        Assert.Equal("accounts.revoke-own-admin", error.Code);
        Assert.Contains(Roles.Admin, await fixture.RolesOfAsync(await EmailOf(admin)));
    }

    [Fact]
    public async Task Lists_accounts_by_search_for_admins_only()
    {
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        var creative = await fixture.ConfirmedAsync();
        var email = await EmailOf(creative);

        var found = await fixture.SendAsync(sender => sender.Send(new ListAccounts.Query(email[..20].ToUpperInvariant())), admin);

        var account = Assert.Single(found.Accounts);
        Assert.Equal(email, account.Email);
        Assert.Equal([Roles.Creative], account.Roles);
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ListAccounts.Query(null)), creative));
    }
}
