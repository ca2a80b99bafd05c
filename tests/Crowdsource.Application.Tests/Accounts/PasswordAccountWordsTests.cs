using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Application.Tests.Accounts;

/// <summary>
/// A password may not contain the display name, the e-mail's local part or the site's name (issue 10, hole 11:
/// "camillecolour" was accepted for "Camille Colour"), on every path that sets one.
/// </summary>
public sealed class PasswordAccountWordsTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private const string Refusal = "Your password must not contain your name, your e-mail address or the name of the site.";

    [Fact]
    public async Task Registration_refuses_the_display_name_without_its_space()
    {
        var email = Support.Accounts.NewEmail();

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new RegisterAccount.Command("Camille Colour", email, "camillecolour", "en"))));

        Assert.Contains(Refusal, error.Errors["Password"]);
        Assert.Null(await fixture.UserAsync(email));
    }

    [Fact]
    public async Task A_password_change_refuses_a_password_holding_the_display_name()
    {
        var me = await fixture.ConfirmedAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ChangePassword.Command(Support.Accounts.GoodPassword, "Test-Person rocks 2026")), me));

        Assert.Contains(Refusal, error.Errors["NewPassword"]);
        var profile = await fixture.SendAsync(sender => sender.Send(new GetMyProfile.Query()), me);
        Assert.True(await fixture.PasswordWorksAsync(profile.Email, Support.Accounts.GoodPassword));
    }

    [Fact]
    public async Task A_password_reset_refuses_the_name_of_the_site()
    {
        var email = Support.Accounts.NewEmail();
        await fixture.SendAsync(sender => sender.Send(new RegisterAccount.Command("Chloé", email, Support.Accounts.GoodPassword, "en")));
        var token = await fixture.InScopeAsync(async provider =>
        {
            var users = provider.GetRequiredService<UserManager<CrowdsourceUser>>();
            return await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!);
        });

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ResetPassword.Command(email, token, "my crowdsource passphrase"))));

        Assert.Contains(Refusal, error.Errors["NewPassword"]);
        Assert.True(await fixture.PasswordWorksAsync(email, Support.Accounts.GoodPassword));
    }

    [Fact]
    public async Task The_refusal_is_said_in_french_to_a_french_visitor()
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("fr-FR");
        try
        {
            var error = await Assert.ThrowsAsync<ValidationException>(async () =>
                await fixture.SendAsync(sender => sender.Send(new RegisterAccount.Command("Camille Colour", Support.Accounts.NewEmail(), "camille colour 2026", "fr"))));

            Assert.Contains("Votre mot de passe ne doit contenir ni votre nom, ni votre adresse e-mail, ni le nom du site.", error.Errors["Password"]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }
}
