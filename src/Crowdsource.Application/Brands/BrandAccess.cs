using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Brands;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>Loads a brand for someone who must belong to it. A stranger learns nothing: not found.</summary>
internal static class BrandAccess
{
    public static async Task<Brand> MemberBrandAsync(this ICrowdsourceDb db, ICurrentUser user, BrandId brandId, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        var brand = await db.Brands.Include(candidate => candidate.Members)
            .SingleOrDefaultAsync(candidate => candidate.Id == brandId, cancellationToken);
        return brand is not null && brand.IsMember(userId) ? brand : throw new NotFoundException();
    }

    /// <summary>Whether the person belongs to the brand (with that role, when one is given).</summary>
    public static Task<bool> IsMemberAsync(this ICrowdsourceDb db, BrandId brandId, string userId, CancellationToken cancellationToken, BrandRole? role = null) =>
        db.Brands.AnyAsync(brand => brand.Id == brandId
            && brand.Members.Any(member => member.UserId == userId && (role == null || member.Role == role)), cancellationToken);

    /// <summary>
    /// Serialises the changes to a brand's members and invitations until the transaction ends, so two Owners removing
    /// or demoting each other at once cannot leave the brand without an Owner, and an invitation is not accepted while
    /// its sender is being removed. Load the brand after taking the lock.
    /// </summary>
    public static async Task LockMembershipAsync(this ICrowdsourceDb db, BrandId brandId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The membership lock lasts for a transaction: send the command as ITransactional.");
        }

        await db.LockUntilCommitAsync("brand-members/" + brandId.Value.ToString(), cancellationToken);
    }

    public static async Task<Brand> OwnedBrandAsync(this ICrowdsourceDb db, ICurrentUser user, BrandId brandId, CancellationToken cancellationToken)
    {
        var brand = await db.MemberBrandAsync(user, brandId, cancellationToken);
        return brand.IsOwner(user.RequireId()) ? brand : throw new ForbiddenException();
    }
}
