using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>
/// Before results an entry is seen by its author, the members of the challenge's brand and the moderators; anyone
/// else gets "not found", whatever URL they guess.
/// </summary>
internal static class EntryAccess
{
    // publicVoteAt, when given (an entry's files, as the vote page shows them): while the challenge's public vote is
    // open at that moment, any signed-in person who may see the challenge may also see an approved entry.
    public static async Task<(Entry Entry, Challenge Challenge, bool ViewerIsAuthor)> VisibleEntryAsync(
        this ICrowdsourceDb db, ICurrentUser user, EntryId id, CancellationToken cancellationToken, bool tracked = false,
        DateTimeOffset? publicVoteAt = null)
    {
        var userId = user.Id;
        var entries = tracked ? db.Entries : db.Entries.AsNoTracking();
        var entry = userId is null ? null : await entries.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (entry is null)
        {
            throw new NotFoundException();
        }

        var challenge = await (tracked ? db.Challenges : db.Challenges.AsNoTracking())
            .SingleAsync(candidate => candidate.Id == entry.ChallengeId, cancellationToken);
        var isAuthor = entry.CreativeUserId == userId;
        var mayRead = isAuthor || user.IsStaff()
            || await db.Brands.AnyAsync(brand => brand.Id == challenge.BrandId && brand.Members.Any(member => member.UserId == userId), cancellationToken)
            || (publicVoteAt is { } now && entry.Status == EntryStatus.Approved && challenge.IsVoteOpen(now)
                && (await ChallengeViewer.OfAsync(db, user, cancellationToken)).CanSee(challenge));
        return mayRead ? (entry, challenge, isAuthor) : throw new NotFoundException();
    }

    /// <summary>An entry only its author may change.</summary>
    public static async Task<(Entry Entry, Challenge Challenge)> MyEntryAsync(this ICrowdsourceDb db, ICurrentUser user, EntryId id, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        var entry = await db.Entries.SingleOrDefaultAsync(candidate => candidate.Id == id && candidate.CreativeUserId == userId, cancellationToken)
            ?? throw new NotFoundException();
        var challenge = await db.Challenges.SingleAsync(candidate => candidate.Id == entry.ChallengeId, cancellationToken);
        return (entry, challenge);
    }
}
