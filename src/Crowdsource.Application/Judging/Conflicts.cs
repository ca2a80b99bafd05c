using System.Linq.Expressions;
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
    public static Task<ConflictOfInterest> ConflictOfInterestAsync(
        this ICrowdsourceDb db, Challenge challenge, string userId, CancellationToken cancellationToken) =>
        db.Challenges.Where(candidate => candidate.Id == challenge.Id).Select(Facts(db, userId)).SingleAsync(cancellationToken);

    /// <summary>
    /// A challenge (tracked, as <c>db.Challenges</c> loads it) with this person's ties to it, read in one statement; null
    /// when there is no such challenge.
    /// </summary>
    public static async Task<(Challenge Challenge, ConflictOfInterest Conflict)?> ChallengeWithConflictOfInterestAsync(
        this ICrowdsourceDb db, ChallengeId id, string userId, CancellationToken cancellationToken)
    {
        var facts = Facts(db, userId);
        var pair = Expression.Lambda<Func<Challenge, ChallengeAndConflict>>(
            Expression.New(typeof(ChallengeAndConflict).GetConstructors()[0], facts.Parameters[0], facts.Body), facts.Parameters);
        var found = await db.Challenges.Where(candidate => candidate.Id == id).Select(pair).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Challenge, found.Conflict);
    }

    /// <summary>The facts of <see cref="ConflictOfInterest"/> as a projection of the challenge, so any query can carry them.</summary>
    private static Expression<Func<Challenge, ConflictOfInterest>> Facts(ICrowdsourceDb db, string userId) =>
        challenge => new ConflictOfInterest(
            db.Entries.Any(entry => entry.ChallengeId == challenge.Id && entry.CreativeUserId == userId),
            db.Brands.Any(brand => brand.Id == challenge.BrandId && brand.Members.Any(member => member.UserId == userId)),
            db.ChallengeJudges.Any(judge => judge.ChallengeId == challenge.Id && judge.JudgeUserId == userId));

    private sealed record ChallengeAndConflict(Challenge Challenge, ConflictOfInterest Conflict);

    /// <summary>
    /// Challenges this person may judge (<see cref="ConflictOfInterest.MayJudge"/>: not of their brand, not entered),
    /// for the moderators' lists: the screening queue, the moderation desk, the challenges in judging.
    /// </summary>
    public static Expression<Func<Challenge, bool>> MayJudge(this ICrowdsourceDb db, string userId) =>
        challenge => !db.Brands.Any(brand => brand.Id == challenge.BrandId && brand.Members.Any(member => member.UserId == userId))
            && !db.Entries.Any(entry => entry.ChallengeId == challenge.Id && entry.CreativeUserId == userId);
}
