using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Application.Tests.Accounts;

public sealed class RegisterAccountTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private Task Register(string email, string password = Support.Accounts.GoodPassword, string name = "Chloé", string culture = "en") =>
        fixture.SendAsync(sender => sender.Send(new RegisterAccount.Command(name, email, password, culture)));

    [Fact]
    public async Task Creates_an_unconfirmed_creative_and_queues_a_confirmation_email()
    {
        var email = Support.Accounts.NewEmail();

        await Register(email);

        var user = await fixture.UserAsync(email);
        Assert.NotNull(user);
        Assert.False(user.EmailConfirmed);
        Assert.Equal(["Creative"], await fixture.RolesOfAsync(email));
        var sent = Assert.Single(await fixture.EmailsToAsync(email));
        Assert.Equal(OutgoingEmailStatus.Pending, sent.Status);
        Assert.Contains("/Account/ConfirmEmail?userId=", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("Confirm", sent.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_the_confirmation_email_in_the_language_the_person_used()
    {
        var email = Support.Accounts.NewEmail();

        await Register(email, culture: "fr-FR");

        var sent = Assert.Single(await fixture.EmailsToAsync(email));
        Assert.Equal("Confirmez votre adresse e-mail sur Crowdsource", sent.Subject);
        Assert.Contains("Bonjour,", sent.TextBody, StringComparison.Ordinal); // not by the name typed: the address is not confirmed yet
    }

    [Theory]
    [InlineData("short pass")]
    [InlineData("passwordpassword")]
    [InlineData("123qweasdzxc")]
    public async Task Refuses_a_short_or_common_password_on_the_password_field(string password)
    {
        var email = Support.Accounts.NewEmail();

        var error = await Assert.ThrowsAsync<ValidationException>(() => Register(email, password));

        Assert.Equal(["Password"], error.Errors.Keys);
        Assert.Null(await fixture.UserAsync(email));
    }

    [Fact]
    public async Task Refuses_the_email_address_as_password()
    {
        var email = Support.Accounts.NewEmail();

        var error = await Assert.ThrowsAsync<ValidationException>(() => Register(email, email));

        Assert.Contains(error.Errors["Password"], message => message.Contains("e-mail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accepts_a_passphrase_of_a_hundred_characters()
    {
        var email = Support.Accounts.NewEmail();
        var passphrase = string.Join(' ', Enumerable.Repeat("amber lantern", 8)) + " quietly grows";
        Assert.InRange(passphrase.Length, 100, PasswordPolicy.MaximumLength);

        await Register(email, passphrase);

        Assert.True(await fixture.PasswordWorksAsync(email, passphrase));
    }

    [Fact]
    public async Task Reports_every_missing_field_at_once()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => Register(string.Empty, string.Empty, name: " "));

        Assert.Equal(["DisplayName", "Email", "Password"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Registering_a_known_address_again_reveals_nothing_and_tells_the_owner_instead()
    {
        var email = Support.Accounts.NewEmail();
        await Register(email);
        var firstId = (await fixture.UserAsync(email))!.Id;

        await Register(email.ToUpperInvariant(), "another fine passphrase", name: "Intruder");

        Assert.Equal(firstId, (await fixture.UserAsync(email))!.Id);
        Assert.True(await fixture.PasswordWorksAsync(email, Support.Accounts.GoodPassword));
        var subjects = (await fixture.EmailsToAsync(email)).Select(sent => sent.Subject).Order(StringComparer.Ordinal);
        Assert.Equal(["Confirm your e-mail address for Crowdsource", "You already have a Crowdsource account"], subjects);
    }

    [Fact]
    public async Task Leaves_no_account_behind_when_the_confirmation_email_cannot_be_queued()
    {
        // The links service fails after the account and its role were written: the transaction must undo both.
        await using var services = fixture.BuildServices(collection => collection.AddSingleton<ISiteLinks, BrokenLinks>());
        var email = Support.Accounts.NewEmail();

        await using (var scope = services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<global::Mediator.ISender>();
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
                await sender.Send(new RegisterAccount.Command("Chloé", email, Support.Accounts.GoodPassword, "en")));
        }

        Assert.Null(await fixture.UserAsync(email));
        Assert.Empty(await fixture.EmailsToAsync(email));
    }

    private sealed class BrokenLinks : ISiteLinks
    {
        public Uri ConfirmEmail(string userId, string token, string? returnUrl) => throw new InvalidOperationException("No route.");

        public Uri ResetPassword(string email, string token) => throw new InvalidOperationException("No route.");

        public Uri LogIn() => throw new InvalidOperationException("No route.");

        public Uri AcceptBrandInvitation(string token) => throw new InvalidOperationException("No route.");

        public Uri Page(string path) => throw new InvalidOperationException("No route.");
    }
}
