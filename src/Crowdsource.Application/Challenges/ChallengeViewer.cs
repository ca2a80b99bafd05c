using System.Linq.Expressions;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>
/// Who is looking, and what they may see: published challenges are public unless invite-only (then the invited
/// creatives and the brand); drafts, reviews and cancelled challenges only to the brand and the moderators.
/// </summary>
internal sealed record ChallengeViewer(string? UserId, string? Email, bool IsStaff, IReadOnlyList<BrandId> Brands)
{
    public static readonly ChallengeStatus[] Listed =
        [ChallengeStatus.Scheduled, ChallengeStatus.Open, ChallengeStatus.Judging, ChallengeStatus.WinnersAnnounced, ChallengeStatus.Completed];

    public static async Task<ChallengeViewer> OfAsync(ICrowdsourceDb db, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId)
        {
            return new ChallengeViewer(null, null, false, []);
        }

        var email = await db.Users.Where(account => account.Id == userId).Select(account => account.NormalizedEmail).SingleOrDefaultAsync(cancellationToken);
        var brands = await db.Brands.Where(brand => brand.Members.Any(member => member.UserId == userId)).Select(brand => brand.Id).ToListAsync(cancellationToken);
        return new ChallengeViewer(userId, email?.ToLowerInvariant(), user.IsStaff(), brands);
    }

    /// <summary>Challenges this viewer finds in lists and search.</summary>
    public Expression<Func<Challenge, bool>> CanFind()
    {
        var email = Email ?? string.Empty;
        var brands = Brands;
        return challenge => Listed.Contains(challenge.Status)
            && (challenge.Visibility == ChallengeVisibility.Public || brands.Contains(challenge.BrandId) || challenge.InvitedEmails.Contains(email));
    }

    /// <summary>Whether this viewer may open this challenge's page.</summary>
    public bool CanSee(Challenge challenge) =>
        IsStaff || Brands.Contains(challenge.BrandId)
        || (Listed.Contains(challenge.Status) && (challenge.Visibility == ChallengeVisibility.Public || (Email is not null && challenge.IsInvited(Email))));
}
