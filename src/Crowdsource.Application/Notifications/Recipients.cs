using Crowdsource.Application.Common;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Notifications;

/// <summary>
/// Who hears about what happens to a challenge: its brand's members, its followers, the authors of its entries, and the
/// moderators who may act on it (never members of its brand, never its entrants).
/// </summary>
internal static class Recipients
{
    public static Task<List<string>> BrandMembersAsync(this ICrowdsourceDb db, BrandId brandId, CancellationToken cancellationToken) =>
        db.Brands.AsNoTracking().Where(brand => brand.Id == brandId)
            .SelectMany(brand => brand.Members.Select(member => member.UserId))
            .ToListAsync(cancellationToken);

    public static Task<List<string>> FollowersAsync(this ICrowdsourceDb db, ChallengeId challengeId, CancellationToken cancellationToken) =>
        db.ChallengeFollowers.AsNoTracking().Where(follower => follower.ChallengeId == challengeId)
            .Select(follower => follower.UserId)
            .ToListAsync(cancellationToken);

    /// <summary>The authors of the entries still in the running (not withdrawn).</summary>
    public static Task<List<string>> EntrantsAsync(this ICrowdsourceDb db, ChallengeId challengeId, CancellationToken cancellationToken) =>
        db.Entries.AsNoTracking().IgnoreAutoIncludes()
            .Where(entry => entry.ChallengeId == challengeId && entry.Status != EntryStatus.Withdrawn)
            .Select(entry => entry.CreativeUserId)
            .Distinct()
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The moderators who may act on the challenge, except <paramref name="exceptUserId"/>: none of its brand and none
    /// who entered it (<see cref="Domain.Judging.ConflictOfInterest"/>).
    /// </summary>
    public static async Task<List<string>> ModeratorsOutsideBrandAsync(this ICrowdsourceDb db, Challenge challenge, string? exceptUserId, CancellationToken cancellationToken)
    {
        var moderators = await db.UserRoles
            .Join(db.Roles.Where(role => role.Name == Roles.Moderator), userRole => userRole.RoleId, role => role.Id, (userRole, _) => userRole.UserId)
            .Where(userId => userId != exceptUserId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var conflicted = await db.Entries.IgnoreAutoIncludes().Where(entry => entry.ChallengeId == challenge.Id).Select(entry => entry.CreativeUserId)
            .Union(db.Brands.Where(brand => brand.Id == challenge.BrandId).SelectMany(brand => brand.Members.Select(member => member.UserId)))
            .ToListAsync(cancellationToken);
        return [.. moderators.Except(conflicted, StringComparer.Ordinal)];
    }

    /// <summary>The admins, who check money arriving and pay prizes.</summary>
    public static Task<List<string>> AdminsAsync(this ICrowdsourceDb db, CancellationToken cancellationToken) =>
        db.UserRoles
            .Join(db.Roles.Where(role => role.Name == Roles.Admin), userRole => userRole.RoleId, role => role.Id, (userRole, _) => userRole.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);

    /// <summary>The Owners of a brand: those who commit its money (offers).</summary>
    public static Task<List<string>> BrandOwnersAsync(this ICrowdsourceDb db, BrandId brandId, CancellationToken cancellationToken) =>
        db.Brands.AsNoTracking().Where(brand => brand.Id == brandId)
            .SelectMany(brand => brand.Members.Where(member => member.Role == BrandRole.Owner).Select(member => member.UserId))
            .ToListAsync(cancellationToken);

    /// <summary>The admins' page of prizes and accepted offers to pay.</summary>
    public const string PaymentsDesk = "/Admin/Awards";

    /// <summary>A challenge's offers on entries that did not win, for its brand.</summary>
    public static string OffersPage(ChallengeId id) => $"/Brands/Challenges/{id.Value}/offers";

    /// <summary>The admins' page of transfers to check.</summary>
    public const string FundingDesk = "/Admin/Funding";

    /// <summary>A challenge's prize pool and ledger.</summary>
    public static string FundingPage(ChallengeId id) => $"/Challenges/Edit/{id.Value}/funding";

    /// <summary>The link notifications about a challenge carry: its public page.</summary>
    public static string ChallengePage(ChallengeId id) => $"/Challenges/{id.Value}";

    public static string EntryPage(EntryId id) => $"/Entries/{id.Value}";
}
