using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>Keeps the BrandMember role in step with membership: held while the person belongs to a brand.</summary>
internal static class BrandMembershipRole
{
    public static async Task SyncAsync(UserManager<CrowdsourceUser> users, ICrowdsourceDb db, string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return;
        }

        var belongs = await db.Brands.AnyAsync(brand => brand.Members.Any(member => member.UserId == userId), cancellationToken);
        var hasRole = await users.IsInRoleAsync(user, Roles.BrandMember);
        if (belongs && !hasRole)
        {
            (await users.AddToRoleAsync(user, Roles.BrandMember)).ThrowIfFailed();
        }
        else if (!belongs && hasRole)
        {
            (await users.RemoveFromRoleAsync(user, Roles.BrandMember)).ThrowIfFailed();
        }
    }
}
