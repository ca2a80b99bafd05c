using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Brands;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>A brand's public page: its profile and the challenges the viewer may find, newest first, a page at a time.</summary>
public static class GetPublicBrand
{
    public sealed record Query(string Slug, int Page = 1) : IQuery<Profile>;

    public sealed record Profile(BrandId Id, string Name, string Slug, string Description, string? Website, Guid? LogoFileId, bool IsVerified,
        bool ViewerIsMember, ListChallenges.Result Challenges);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, ISender sender) : IQueryHandler<Query, Profile>
    {
        public async ValueTask<Profile> Handle(Query query, CancellationToken cancellationToken)
        {
            var brand = await db.Brands.AsNoTracking().Include(candidate => candidate.Members)
                .SingleOrDefaultAsync(candidate => candidate.Slug == query.Slug, cancellationToken)
                ?? throw new NotFoundException();
            var challenges = await sender.Send(new ListChallenges.Query(Brand: brand.Slug, Sort: ListChallenges.Order.Newest, Page: query.Page), cancellationToken);
            return new Profile(brand.Id, brand.Name, brand.Slug, brand.Description, brand.Website?.ToString(), brand.LogoFileId, brand.IsVerified,
                currentUser.Id is { } userId && brand.IsMember(userId), challenges);
        }
    }
}
