using Crowdsource.Application.Common;
using Crowdsource.Domain.Brands;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>The brands the signed-in person belongs to, with their role.</summary>
public static class ListMyBrands
{
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(BrandId Id, string Name, string Slug, bool IsVerified, BrandRole Role);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            return await db.Brands.AsNoTracking()
                .SelectMany(brand => brand.Members.Where(member => member.UserId == userId), (brand, member) => new { Brand = brand, member.Role })
                .OrderBy(row => row.Brand.Name) // Before the projection: EF cannot order by a member of the Item record.
                .Select(row => new Item(row.Brand.Id, row.Brand.Name, row.Brand.Slug, row.Brand.IsVerified, row.Role))
                .ToListAsync(cancellationToken);
        }
    }
}
