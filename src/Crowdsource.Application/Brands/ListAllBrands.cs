using Crowdsource.Application.Administration;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Brands;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>Every brand, for the admins who verify them: unverified first, then by name.</summary>
public static class ListAllBrands
{
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(BrandId Id, string Name, string Slug, bool IsVerified, int Members, DateTimeOffset CreatedAt);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            currentUser.RequireAdmin();
            return await db.Brands.AsNoTracking()
                .OrderBy(brand => brand.IsVerified).ThenBy(brand => brand.Name)
                .Select(brand => new Row(brand.Id, brand.Name, brand.Slug, brand.IsVerified, brand.Members.Count, brand.CreatedAt))
                .ToListAsync(cancellationToken);
        }
    }
}
