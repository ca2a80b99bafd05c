using System.Linq.Expressions;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Judging;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

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
    /// A challenge for a moderator to decide on (review, screening, judging, winners, reports). A moderator with a
    /// conflict of interest may not: one of the challenge's brand learns nothing more (403), one who entered the
    /// challenge is told why (<see cref="ConflictOfInterest"/>).
    /// </summary>
    public static async Task<Challenge> ChallengeToModerateAsync(this ICrowdsourceDb db, ICurrentUser user, ChallengeId id, CancellationToken cancellationToken)
    {
        var (challenge, conflict) = await db.ChallengeForModeratorAsync(user, id, cancellationToken);
        conflict.EnsureMayJudge();
        return challenge;
    }

    /// <summary>
    /// A challenge for a moderator's pages, with the moderator's conflict of interest so the page can explain what they
    /// may not do. Moderators of the challenge's brand are refused (403); anyone else who is not staff too.
    /// </summary>
    public static async Task<(Challenge Challenge, ConflictOfInterest Conflict)> ChallengeForModeratorAsync(
        this ICrowdsourceDb db, ICurrentUser user, ChallengeId id, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        if (!user.IsStaff())
        {
            throw new ForbiddenException();
        }

        var (challenge, conflict) = await db.ChallengeWithConflictOfInterestAsync(id, userId, cancellationToken) ?? throw new NotFoundException();
        return conflict.BelongsToBrand ? throw new ForbiddenException() : (challenge, conflict);
    }

    /// <summary>A challenge the viewer may see, with who the viewer is; anyone else learns nothing (not found), whatever the id.</summary>
    public static async Task<(Challenge Challenge, ChallengeViewer Viewer)> VisibleChallengeAsync(
        this ICrowdsourceDb db, ICurrentUser user, ChallengeId id, CancellationToken cancellationToken)
    {
        var (challenge, viewer, _) = await db.VisibleChallengeAsync(user, id, _ => 0, cancellationToken);
        return (challenge, viewer);
    }

    /// <summary>
    /// A challenge the viewer may see, who the viewer is (as <see cref="ChallengeViewer.OfAsync"/> finds them) and what
    /// <paramref name="facts"/> reads about the challenge, all in one statement; anyone who may not see it learns nothing
    /// (not found), whatever the id. The facts are read before the check: return nothing of them to someone who fails it.
    /// </summary>
    public static async Task<(Challenge Challenge, ChallengeViewer Viewer, TFacts Facts)> VisibleChallengeAsync<TFacts>(
        this ICrowdsourceDb db, ICurrentUser user, ChallengeId id, Expression<Func<Challenge, TFacts>> facts, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        Expression<Func<Challenge, TFacts, Visible<TFacts>>> shape = (challenge, read) => new Visible<TFacts>
        {
            Challenge = challenge,
            Email = db.Users.Where(account => userId != null && account.Id == userId).Select(account => account.NormalizedEmail).FirstOrDefault(),
            Brands = db.Brands.Where(brand => userId != null && brand.Members.Any(member => member.UserId == userId)).Select(brand => brand.Id).ToList(),
            Facts = read,
        };
        var challengeParameter = shape.Parameters[0];
        var factsBody = ReplacingExpressionVisitor.Replace(facts.Parameters[0], challengeParameter, facts.Body);
        var projection = Expression.Lambda<Func<Challenge, Visible<TFacts>>>(
            ReplacingExpressionVisitor.Replace(shape.Parameters[1], factsBody, shape.Body), challengeParameter);

        var found = await db.Challenges.AsNoTracking().Where(candidate => candidate.Id == id).Select(projection).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            throw new NotFoundException();
        }

        var viewer = ChallengeViewer.Of(user, found.Email, found.Brands);
        return viewer.CanSee(found.Challenge) ? (found.Challenge, viewer, found.Facts) : throw new NotFoundException();
    }

    /// <summary>What <see cref="VisibleChallengeAsync{TFacts}"/> reads in its one statement.</summary>
    private sealed class Visible<TFacts>
    {
        public required Challenge Challenge { get; init; }

        public string? Email { get; init; }

        public required List<BrandId> Brands { get; init; }

        public required TFacts Facts { get; init; }
    }

    /// <summary>Whether any entry was ever submitted to the challenge, whatever its status (withdrawn included).</summary>
    public static Task<bool> HasEntriesAsync(this ICrowdsourceDb db, ChallengeId id, CancellationToken cancellationToken) =>
        db.Entries.IgnoreAutoIncludes().AnyAsync(entry => entry.ChallengeId == id, cancellationToken);

    public static bool IsStaff(this ICurrentUser user) => user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin);
}
