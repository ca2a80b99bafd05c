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

        // One round trip: the e-mail (for invitations) and the brands (for their own invite-only challenges).
        var account = await db.Users.Where(account => account.Id == userId)
            .Select(account => new
            {
                account.NormalizedEmail,
                Brands = db.Brands.Where(brand => brand.Members.Any(member => member.UserId == userId)).Select(brand => brand.Id).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return Of(user, account?.NormalizedEmail, account?.Brands ?? []);
    }

    /// <summary>The viewer from what was read of their account: its normalised e-mail and the brands they belong to.</summary>
    public static ChallengeViewer Of(ICurrentUser user, string? normalizedEmail, IReadOnlyList<BrandId> brands) =>
        user.Id is not { } userId
            ? new ChallengeViewer(null, null, false, [])
            : new ChallengeViewer(userId, normalizedEmail?.ToLowerInvariant(), user.IsStaff(), brands);

    /// <summary>
    /// Challenges this viewer finds in lists and search. Only the columns of the list indexes are read for a public
    /// challenge; the invite-only ones this viewer may find come from one small subquery (a partial index), so an
    /// invitation list is never read row by row across every challenge.
    /// </summary>
    public Expression<Func<Challenge, bool>> CanFind(ICrowdsourceDb db)
    {
        if (UserId is null)
        {
            return challenge => Listed.Contains(challenge.Status) && challenge.Visibility == ChallengeVisibility.Public;
        }

        var email = Email ?? string.Empty;
        var brands = Brands;
        var invited = db.Challenges
            .Where(challenge => challenge.Visibility == ChallengeVisibility.InviteOnly && (brands.Contains(challenge.BrandId) || challenge.InvitedEmails.Contains(email)))
            .Select(challenge => challenge.Id);
        return challenge => Listed.Contains(challenge.Status)
            && (challenge.Visibility == ChallengeVisibility.Public || invited.Contains(challenge.Id));
    }

    /// <summary>Whether this viewer may open this challenge's page.</summary>
    public bool CanSee(Challenge challenge) =>
        IsStaff || Brands.Contains(challenge.BrandId)
        || (Listed.Contains(challenge.Status) && (challenge.Visibility == ChallengeVisibility.Public || (Email is not null && challenge.IsInvited(Email))));
}
