using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;

namespace Crowdsource.Application.Tests.Accounts;

public sealed class ChangePasswordTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task Changes_the_password_of_the_signed_in_person()
    {
        var me = await fixture.ConfirmedAsync();

        await fixture.SendAsync(sender => sender.Send(new ChangePassword.Command(Support.Accounts.GoodPassword, "a brand new passphrase")), me);

        var profile = await fixture.SendAsync(sender => sender.Send(new GetMyProfile.Query()), me);
        Assert.True(await fixture.PasswordWorksAsync(profile.Email, "a brand new passphrase"));
        Assert.False(await fixture.PasswordWorksAsync(profile.Email, Support.Accounts.GoodPassword));
    }

    [Fact]
    public async Task A_wrong_current_password_is_reported_on_its_field_and_changes_nothing()
    {
        var me = await fixture.ConfirmedAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ChangePassword.Command("not my password at all", "a brand new passphrase")), me));

        Assert.Equal("Your current password is not right.", Assert.Single(error.Errors["CurrentPassword"]));
        var profile = await fixture.SendAsync(sender => sender.Send(new GetMyProfile.Query()), me);
        Assert.True(await fixture.PasswordWorksAsync(profile.Email, Support.Accounts.GoodPassword));
    }

    [Fact]
    public async Task Wrong_current_passwords_count_towards_the_lockout_so_a_stolen_session_cannot_guess_it()
    {
        var me = await fixture.ConfirmedAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Assert.ThrowsAsync<ValidationException>(async () =>
                await fixture.SendAsync(sender => sender.Send(new ChangePassword.Command($"guess number {attempt} of many", "a brand new passphrase")), me));
        }

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ChangePassword.Command(Support.Accounts.GoodPassword, "a brand new passphrase")), me));

        Assert.Equal("Too many wrong passwords: for your safety, try again in 15 minutes.", Assert.Single(error.Errors["CurrentPassword"]));
        var profile = await fixture.SendAsync(sender => sender.Send(new GetMyProfile.Query()), me);
        Assert.False(await fixture.PasswordWorksAsync(profile.Email, "a brand new passphrase"));
    }

    [Fact]
    public async Task A_right_current_password_forgives_the_earlier_mistakes()
    {
        var me = await fixture.ConfirmedAsync();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await Assert.ThrowsAsync<ValidationException>(async () =>
                await fixture.SendAsync(sender => sender.Send(new ChangePassword.Command($"guess number {attempt} of many", "a brand new passphrase")), me));
        }

        await fixture.SendAsync(sender => sender.Send(new ChangePassword.Command(Support.Accounts.GoodPassword, "a brand new passphrase")), me);
        await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ChangePassword.Command("one more wrong guess", "another new passphrase")), me));

        await fixture.SendAsync(sender => sender.Send(new ChangePassword.Command("a brand new passphrase", "another new passphrase")), me);
    }

    [Fact]
    public async Task Nobody_changes_a_password_without_being_signed_in()
    {
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ChangePassword.Command(Support.Accounts.GoodPassword, "a brand new passphrase"))));
    }
}
