using System.Security.Claims;
using Crowdsource.Application.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crowdsource.Infrastructure.Identity;

/// <summary>Adds the display name to the cookie, so the header can greet a person without a query.</summary>
internal sealed class CrowdsourceClaimsPrincipalFactory(
    UserManager<CrowdsourceUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CrowdsourceUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CrowdsourceUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CrowdsourceClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
