using Crowdsource.Application.Accounts;
using Crowdsource.Application.Administration;
using Crowdsource.Domain.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Application.Tests.Support;

/// <summary>Arranging accounts and reading their e-mails, for the tests.</summary>
internal static class Accounts
{
    public const string GoodPassword = "violet kettles hum softly";

    public static string NewEmail(string who = "someone") => $"{who}.{Guid.NewGuid():N}@example.com";

    /// <summary>A confirmed account with these roles, created the way start-up creates the admin.</summary>
    public static async Task<Actor> ConfirmedAsync(this ApplicationFixture fixture, params string[] roles)
    {
        var email = NewEmail(roles.FirstOrDefault()?.ToLowerInvariant() ?? "creative");
        await fixture.SendAsync(sender => sender.Send(new EnsureAccount.Command(email, "Test Person", GoodPassword, roles)));
        var user = await fixture.UserAsync(email);
        return new Actor(user!.Id, [.. roles, "Creative"]);
    }

    public static Task<CrowdsourceUser?> UserAsync(this ApplicationFixture fixture, string email) =>
        fixture.InScopeAsync(provider => provider.GetRequiredService<UserManager<CrowdsourceUser>>().FindByEmailAsync(email));

    public static Task<bool> PasswordWorksAsync(this ApplicationFixture fixture, string email, string password) =>
        fixture.InScopeAsync(async provider =>
        {
            var users = provider.GetRequiredService<UserManager<CrowdsourceUser>>();
            var user = await users.FindByEmailAsync(email);
            return user is not null && await users.CheckPasswordAsync(user, password);
        });

    public static Task<IList<string>> RolesOfAsync(this ApplicationFixture fixture, string email) =>
        fixture.InScopeAsync(async provider =>
        {
            var users = provider.GetRequiredService<UserManager<CrowdsourceUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        });

    public static Task<List<OutgoingEmail>> EmailsToAsync(this ApplicationFixture fixture, string address) =>
        fixture.DbAsync(db => db.OutgoingEmails.AsNoTracking()
            .Where(email => email.ToAddress == address)
            .OrderBy(email => email.CreatedAt).ThenBy(email => email.Id)
            .ToListAsync());
}
