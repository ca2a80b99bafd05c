using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Application.Tests.Accounts;

public sealed class PasswordResetTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private const string NewPassword = "copper rivers at midnight";

    private async Task<string> RequestResetTokenAsync(string email)
    {
        await fixture.SendAsync(sender => sender.Send(new RequestPasswordReset.Command(email)));
        var reset = Assert.Single(await fixture.EmailsToAsync(email), sent => sent.Subject == "Reset your Crowdsource password");
        return TestSiteLinks.TokenIn(reset.TextBody);
    }

    [Fact]
    public async Task Asking_for_an_unknown_address_queues_nothing_and_answers_the_same()
    {
        var unknown = Support.Accounts.NewEmail("unknown");

        await fixture.SendAsync(sender => sender.Send(new RequestPasswordReset.Command(unknown)));

        Assert.Empty(await fixture.EmailsToAsync(unknown));
    }

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_and_the_old_one_stops_working()
    {
        var email = Support.Accounts.NewEmail();
        await fixture.SendAsync(sender => sender.Send(new RegisterAccount.Command("Chloé", email, Support.Accounts.GoodPassword, "en")));
        var token = await RequestResetTokenAsync(email);

        await fixture.SendAsync(sender => sender.Send(new ResetPassword.Command(email, token, NewPassword)));

        Assert.True(await fixture.PasswordWorksAsync(email, NewPassword));
        Assert.False(await fixture.PasswordWorksAsync(email, Support.Accounts.GoodPassword));
        Assert.True((await fixture.UserAsync(email))!.EmailConfirmed);
    }

    [Fact]
    public async Task A_reset_link_works_only_once()
    {
        var email = Support.Accounts.NewEmail();
        await fixture.SendAsync(sender => sender.Send(new RegisterAccount.Command("Chloé", email, Support.Accounts.GoodPassword, "en")));
        var token = await RequestResetTokenAsync(email);
        await fixture.SendAsync(sender => sender.Send(new ResetPassword.Command(email, token, NewPassword)));

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ResetPassword.Command(email, token, "yet another passphrase"))));

        Assert.True(error.Errors.ContainsKey("Token"));
        Assert.True(await fixture.PasswordWorksAsync(email, NewPassword));
    }

    [Fact]
    public async Task The_new_password_must_follow_the_policy()
    {
        var email = Support.Accounts.NewEmail();
        await fixture.SendAsync(sender => sender.Send(new RegisterAccount.Command("Chloé", email, Support.Accounts.GoodPassword, "en")));
        var token = await RequestResetTokenAsync(email);

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ResetPassword.Command(email, token, "short"))));

        Assert.True(error.Errors.ContainsKey("NewPassword"));
        Assert.True(await fixture.PasswordWorksAsync(email, Support.Accounts.GoodPassword));
    }

    [Fact]
    public async Task Resetting_lifts_a_lockout()
    {
        var email = Support.Accounts.NewEmail();
        await fixture.SendAsync(sender => sender.Send(new RegisterAccount.Command("Chloé", email, Support.Accounts.GoodPassword, "en")));
        await fixture.InScopeAsync(async provider =>
        {
            var users = provider.GetRequiredService<UserManager<CrowdsourceUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await users.AccessFailedAsync(user);
            }

            Assert.True(await users.IsLockedOutAsync(user));
        });
        var token = await RequestResetTokenAsync(email);

        await fixture.SendAsync(sender => sender.Send(new ResetPassword.Command(email, token, NewPassword)));

        var locked = await fixture.InScopeAsync(async provider =>
        {
            var users = provider.GetRequiredService<UserManager<CrowdsourceUser>>();
            return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
        });
        Assert.False(locked);
    }
}
