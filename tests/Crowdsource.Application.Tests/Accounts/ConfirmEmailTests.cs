using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;

namespace Crowdsource.Application.Tests.Accounts;

public sealed class ConfirmEmailTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task<(string Email, string UserId, string Token)> RegisterAsync()
    {
        var email = Support.Accounts.NewEmail();
        await fixture.SendAsync(sender => sender.Send(new RegisterAccount.Command("Chloé", email, Support.Accounts.GoodPassword, "en")));
        var user = await fixture.UserAsync(email);
        var token = TestSiteLinks.TokenIn(Assert.Single(await fixture.EmailsToAsync(email)).TextBody);
        return (email, user!.Id, token);
    }

    [Fact]
    public async Task The_emailed_link_confirms_the_address()
    {
        var (email, userId, token) = await RegisterAsync();

        await fixture.SendAsync(sender => sender.Send(new ConfirmEmail.Command(userId, token)));

        Assert.True((await fixture.UserAsync(email))!.EmailConfirmed);
    }

    [Fact]
    public async Task Opening_the_link_twice_is_harmless()
    {
        var (email, userId, token) = await RegisterAsync();

        await fixture.SendAsync(sender => sender.Send(new ConfirmEmail.Command(userId, token)));
        await fixture.SendAsync(sender => sender.Send(new ConfirmEmail.Command(userId, token)));

        Assert.True((await fixture.UserAsync(email))!.EmailConfirmed);
    }

    [Fact]
    public async Task A_tampered_token_is_refused_with_a_message_about_the_link()
    {
        var (email, userId, token) = await RegisterAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ConfirmEmail.Command(userId, token[..^4] + "AAAA"))));

        Assert.Equal("This link is not valid or has expired. Ask for a new one.", Assert.Single(error.Errors["Token"]));
        Assert.False((await fixture.UserAsync(email))!.EmailConfirmed);
    }

    [Fact]
    public async Task A_token_for_another_account_is_refused()
    {
        var first = await RegisterAsync();
        var second = await RegisterAsync();

        await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ConfirmEmail.Command(second.UserId, first.Token))));

        Assert.False((await fixture.UserAsync(second.Email))!.EmailConfirmed);
    }

    [Fact]
    public async Task Resending_queues_a_new_link_only_for_an_unconfirmed_account()
    {
        var (email, userId, token) = await RegisterAsync();
        await fixture.SendAsync(sender => sender.Send(new ResendEmailConfirmation.Command(email)));
        Assert.Equal(2, (await fixture.EmailsToAsync(email)).Count);

        await fixture.SendAsync(sender => sender.Send(new ConfirmEmail.Command(userId, token)));
        await fixture.SendAsync(sender => sender.Send(new ResendEmailConfirmation.Command(email)));
        await fixture.SendAsync(sender => sender.Send(new ResendEmailConfirmation.Command(Support.Accounts.NewEmail("nobody"))));

        Assert.Equal(2, (await fixture.EmailsToAsync(email)).Count);
    }
}
