using System.Linq.Expressions;
using Crowdsource.Application.Brands;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Judging;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// Where the use cases learn a person's ties to a challenge (<see cref="ConflictOfInterest"/>, the rule itself), and
/// the same facts as a database filter for the lists that must not offer a challenge the person may not judge.
/// </summary>
internal static class Conflicts
{
    /// <summary>The facts of the rule for one person and one challenge: any entry (any status), brand membership, panel seat.</summary>
    public static async Task<ConflictOfInterest> ConflictOfInterestAsync(
        this ICrowdsourceDb db, Challenge challenge, string userId, CancellationToken cancellationToken) => new(
        HasEntered: await db.Entries.IgnoreAutoIncludes().AnyAsync(entry => entry.ChallengeId == challenge.Id && entry.CreativeUserId == userId, cancellationToken),
        BelongsToBrand: await db.IsMemberAsync(challenge.BrandId, userId, cancellationToken),
        IsJudge: await db.ChallengeJudges.AnyAsync(judge => judge.ChallengeId == challenge.Id && judge.JudgeUserId == userId, cancellationToken));

    /// <summary>
    /// Challenges this person may judge (<see cref="ConflictOfInterest.MayJudge"/>: not of their brand, not entered),
    /// for the moderators' lists: the screening queue, the moderation desk, the challenges in judging.
    /// </summary>
    public static Expression<Func<Challenge, bool>> MayJudge(this ICrowdsourceDb db, string userId) =>
        challenge => !db.Brands.Any(brand => brand.Id == challenge.BrandId && brand.Members.Any(member => member.UserId == userId))
            && !db.Entries.Any(entry => entry.ChallengeId == challenge.Id && entry.CreativeUserId == userId);
}
