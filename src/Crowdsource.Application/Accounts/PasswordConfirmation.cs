using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Accounts;

/// <summary>
/// A signed-in person proves they know their password again (to change it, to delete the account). Wrong answers
/// count towards the same lockout as the log-in page, so a stolen session cannot be used to guess the password.
/// </summary>
internal static class PasswordConfirmation
{
    public static async Task ConfirmPasswordAsync(this UserManager<CrowdsourceUser> users, CrowdsourceUser user, string password, string property)
    {
        if (await users.IsLockedOutAsync(user))
        {
            throw ValidationException.For(property, Messages.PasswordChecksLockedOut);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            throw ValidationException.For(property, await users.IsLockedOutAsync(user) ? Messages.PasswordChecksLockedOut : Messages.CurrentPasswordWrong);
        }

        await users.ResetAccessFailedCountAsync(user);
    }
}
