using Crowdsource.Application.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crowdsource.Infrastructure.Identity;

/// <summary>
/// Log-in that answers the same, after the same work, whatever the account's state. Identity skips the password
/// hash for an unknown address, and for an unconfirmed or locked account it answers before looking at the password
/// ("not allowed": the password may be wrong, yet the stranger learns the account exists). Here every attempt
/// verifies exactly one hash, and only a right password learns that the address still needs confirming.
/// </summary>
internal sealed class CrowdsourceSignInManager(
    UserManager<CrowdsourceUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<CrowdsourceUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<CrowdsourceUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CrowdsourceUser> confirmation)
    : SignInManager<CrowdsourceUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Nobody's account: what an unknown address is checked against, so it costs one hash like the others.</summary>
    private static readonly CrowdsourceUser Nobody = CrowdsourceUser.Create("nobody@invalid.invalid", "Nobody", SupportedCultures.Default, DateTimeOffset.UnixEpoch);

    private static string? _nobodysHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            var hasher = UserManager.PasswordHasher;
            _nobodysHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
            hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(CrowdsourceUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await IsLockedOut(user) && await CanSignInAsync(user))
        {
            // The usual case: Identity checks the password (one hash) and counts failures.
            return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        }

        var passwordIsRight = await UserManager.CheckPasswordAsync(user, password);
        if (await IsLockedOut(user))
        {
            return await LockedOut(user);
        }

        if (passwordIsRight)
        {
            // Only someone who knows the password hears that the address is not confirmed yet.
            return SignInResult.NotAllowed;
        }

        if (lockoutOnFailure)
        {
            await UserManager.AccessFailedAsync(user);
            if (await UserManager.IsLockedOutAsync(user))
            {
                return await LockedOut(user);
            }
        }

        return SignInResult.Failed;
    }
}
