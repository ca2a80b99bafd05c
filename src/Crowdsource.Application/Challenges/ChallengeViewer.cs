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

    /// <summary>
    /// The listed invite-only challenges this viewer may find (invited, or of their brands): read by
    /// <see cref="OfAsync"/>, null when the viewer was made without them (<see cref="Of"/>, for <see cref="CanSee"/>).
    /// </summary>
    public IReadOnlyList<ChallengeId>? FindableInviteOnly { get; private init; }

    /// <summary>A visitor who is not signed in: finds the public listed challenges only.</summary>
    public static ChallengeViewer Anonymous { get; } = new(null, null, false, []) { FindableInviteOnly = [] };

    /// <summary>
    /// The viewer of a list, in one round trip: the e-mail (for invitations), the brands (for their own invite-only
    /// challenges) and the listed invite-only challenges they may find. The invitation lists hold e-mails normalised
    /// in lower case (<see cref="BrandInvitation.NormalizeEmail"/>), and Identity keeps the account's in upper case:
    /// PostgreSQL lowers it (the database's UTF-8 character type, as .NET does for an e-mail address).
    /// </summary>
    public static async Task<ChallengeViewer> OfAsync(ICrowdsourceDb db, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId)
        {
            return Anonymous;
        }

        var account = await db.Users.Where(account => account.Id == userId)
            .Select(account => new
            {
                account.NormalizedEmail,
                Brands = db.Brands.Where(brand => brand.Members.Any(member => member.UserId == userId)).Select(brand => brand.Id).ToList(),
#pragma warning disable CA1304, CA1311 // translated to SQL: lower() in the database, not a .NET culture
                InviteOnly = db.Challenges
                    .Where(challenge => challenge.Visibility == ChallengeVisibility.InviteOnly && Listed.Contains(challenge.Status)
                        && (db.Brands.Any(brand => brand.Id == challenge.BrandId && brand.Members.Any(member => member.UserId == userId))
                            || challenge.InvitedEmails.Contains(account.NormalizedEmail!.ToLower())))
                    .Select(challenge => challenge.Id)
                    .ToList(),
#pragma warning restore CA1304, CA1311
            })
            .AsSingleQuery() // one row per (brand, invite-only challenge): a handful for a brand member, none for most
            .SingleOrDefaultAsync(cancellationToken);
        return Of(user, account?.NormalizedEmail, account?.Brands ?? []) with { FindableInviteOnly = account?.InviteOnly ?? [] };
    }

    /// <summary>The viewer from what was read of their account: its normalised e-mail and the brands they belong to.</summary>
    public static ChallengeViewer Of(ICurrentUser user, string? normalizedEmail, IReadOnlyList<BrandId> brands) =>
        user.Id is not { } userId
            ? new ChallengeViewer(null, null, false, [])
            : new ChallengeViewer(userId, normalizedEmail?.ToLowerInvariant(), user.IsStaff(), brands);

    /// <summary>
    /// Challenges this viewer finds in lists and search: only the columns of the list indexes are read, and the
    /// invite-only ones come as a list of ids read with the viewer. A viewer without any (nearly everyone) gets the
    /// anonymous visitor's query, which PostgreSQL plans in a third of the time.
    /// </summary>
    public Expression<Func<Challenge, bool>> CanFind()
    {
        var inviteOnly = FindableInviteOnly
            ?? throw new InvalidOperationException("This viewer was made without its invite-only challenges: use OfAsync.");
        if (inviteOnly.Count == 0)
        {
            return challenge => Listed.Contains(challenge.Status) && challenge.Visibility == ChallengeVisibility.Public;
        }

        return challenge => Listed.Contains(challenge.Status)
            && (challenge.Visibility == ChallengeVisibility.Public || inviteOnly.Contains(challenge.Id));
    }

    /// <summary>Whether this viewer may open this challenge's page.</summary>
    public bool CanSee(Challenge challenge) =>
        IsStaff || Brands.Contains(challenge.BrandId)
        || (Listed.Contains(challenge.Status) && (challenge.Visibility == ChallengeVisibility.Public || (Email is not null && challenge.IsInvited(Email))));
}
