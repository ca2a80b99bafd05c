using Crowdsource.Application.Accounts;
using Crowdsource.Application.Tests.Support;

namespace Crowdsource.Application.Tests.Accounts;

/// <summary>
/// The outbox caps account e-mails per recipient and kind (issue 10, hole 6: 200 forgot-password requests queued
/// 200 e-mails to one victim), counting in the database so the cap holds across instances and concurrent requests.
/// </summary>
public sealed class AccountEmailCapTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private static readonly int Cap = new AccountEmailLimits().AccountEmailsPerRecipientPerHour;

    private Task RegisterAsync(string email, string name = "Chloé") =>
        fixture.SendAsync(sender => sender.Send(new RegisterAccount.Command(name, email, Support.Accounts.GoodPassword, "en")));

    private async Task<int> EmailsAsync(string email, string subject) =>
        (await fixture.EmailsToAsync(email)).Count(sent => sent.Subject == subject);

    [Fact]
    public async Task Twenty_forgot_password_requests_for_one_victim_queue_at_most_the_cap()
    {
        var victim = Support.Accounts.NewEmail("victim");
        await RegisterAsync(victim);

        for (var request = 0; request < 20; request++)
        {
            await fixture.SendAsync(sender => sender.Send(new RequestPasswordReset.Command(victim)));
        }

        Assert.Equal(Cap, await EmailsAsync(victim, "Reset your Crowdsource password"));
    }

    [Fact]
    public async Task Concurrent_forgot_password_requests_do_not_pass_the_cap_together()
    {
        var victim = Support.Accounts.NewEmail("victim");
        await RegisterAsync(victim);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            fixture.SendAsync(sender => sender.Send(new RequestPasswordReset.Command(victim)))));

        Assert.Equal(Cap, await EmailsAsync(victim, "Reset your Crowdsource password"));
    }

    [Fact]
    public async Task Registering_a_taken_address_again_and_again_warns_its_owner_at_most_the_cap()
    {
        var owner = Support.Accounts.NewEmail("owner");
        await RegisterAsync(owner);

        for (var attempt = 0; attempt < 20; attempt++)
        {
            await RegisterAsync(owner, "Intruder");
        }

        var emails = await fixture.EmailsToAsync(owner);
        Assert.Equal(1 + Cap, emails.Count);
    }

    [Fact]
    public async Task The_cap_counts_each_kind_apart_and_frees_up_after_an_hour()
    {
        var victim = Support.Accounts.NewEmail("victim");
        await RegisterAsync(victim);
        for (var request = 0; request < Cap + 2; request++)
        {
            await fixture.SendAsync(sender => sender.Send(new RequestPasswordReset.Command(victim)));
        }

        await fixture.SendAsync(sender => sender.Send(new ResendEmailConfirmation.Command(victim)));
        fixture.Clock.Advance(AccountEmailLimits.Window + TimeSpan.FromMinutes(1));
        await fixture.SendAsync(sender => sender.Send(new RequestPasswordReset.Command(victim)));

        Assert.Equal(Cap + 1, await EmailsAsync(victim, "Reset your Crowdsource password"));
        Assert.Equal(2, await EmailsAsync(victim, "Confirm your e-mail address for Crowdsource"));
    }
}
