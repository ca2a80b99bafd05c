using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

internal static class ChallengeAccess
{
    /// <summary>A challenge for a member of its brand to change; anyone else learns nothing (not found).</summary>
    public static async Task<Challenge> ChallengeOfMyBrandAsync(this ICrowdsourceDb db, ICurrentUser user, ChallengeId id, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        var challenge = await db.Challenges.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        var member = challenge is not null && await db.Brands.AnyAsync(
            brand => brand.Id == challenge.BrandId && brand.Members.Any(m => m.UserId == userId), cancellationToken);
        return member ? challenge! : throw new NotFoundException();
    }

    /// <summary>
    /// A challenge for a moderator to decide on. A moderator who belongs to the challenge's brand may not decide
    /// on it: the review would not be independent.
    /// </summary>
    public static async Task<Challenge> ChallengeToModerateAsync(this ICrowdsourceDb db, ICurrentUser user, ChallengeId id, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        if (!user.IsInRole(Roles.Moderator) && !user.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException();
        }

        var challenge = await db.Challenges.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken)
            ?? throw new NotFoundException();
        if (await db.Brands.AnyAsync(brand => brand.Id == challenge.BrandId && brand.Members.Any(m => m.UserId == userId), cancellationToken))
        {
            throw new ForbiddenException();
        }

        return challenge;
    }

    /// <summary>A challenge the viewer may see, with who the viewer is; anyone else learns nothing (not found), whatever the id.</summary>
    public static async Task<(Challenge Challenge, ChallengeViewer Viewer)> VisibleChallengeAsync(
        this ICrowdsourceDb db, ICurrentUser user, ChallengeId id, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        var viewer = await ChallengeViewer.OfAsync(db, user, cancellationToken);
        return challenge is not null && viewer.CanSee(challenge) ? (challenge, viewer) : throw new NotFoundException();
    }

    public static bool IsStaff(this ICurrentUser user) => user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin);
}
