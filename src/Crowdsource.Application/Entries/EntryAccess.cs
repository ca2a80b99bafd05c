using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>
/// Before results an entry is seen by its author, the members of the challenge's brand and the moderators; anyone
/// else gets "not found", whatever URL they guess. Once the results are announced, an entry that won a prize is seen
/// by whoever may see the challenge (when the caller asks with <c>includePublicWinners</c>).
/// </summary>
internal static class EntryAccess
{
    public static async Task<(Entry Entry, Challenge Challenge, bool ViewerIsAuthor)> VisibleEntryAsync(
        this ICrowdsourceDb db, ICurrentUser user, EntryId id, CancellationToken cancellationToken, bool tracked = false, bool includePublicWinners = false)
    {
        var userId = user.Id;
        var entries = tracked ? db.Entries : db.Entries.AsNoTracking();
        var entry = userId is null && !includePublicWinners ? null : await entries.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (entry is null)
        {
            throw new NotFoundException();
        }

        var challenge = await (tracked ? db.Challenges : db.Challenges.AsNoTracking())
            .SingleAsync(candidate => candidate.Id == entry.ChallengeId, cancellationToken);
        var isAuthor = userId is not null && entry.CreativeUserId == userId;
        var mayRead = isAuthor || user.IsStaff()
            || (userId is not null && await db.Brands.AnyAsync(brand => brand.Id == challenge.BrandId && brand.Members.Any(member => member.UserId == userId), cancellationToken))
            || (includePublicWinners && await IsPublicWinnerAsync(db, user, entry, challenge, cancellationToken));
        return mayRead ? (entry, challenge, isAuthor) : throw new NotFoundException();
    }

    /// <summary>A prize-winning entry after the announcement, for anyone who may see its challenge.</summary>
    private static async Task<bool> IsPublicWinnerAsync(ICrowdsourceDb db, ICurrentUser user, Entry entry, Challenge challenge, CancellationToken cancellationToken) =>
        challenge.ResultsAnnouncedAt is not null
        && await db.Awards.AnyAsync(award => award.EntryId == entry.Id && award.ChallengeId == challenge.Id, cancellationToken)
        && (await ChallengeViewer.OfAsync(db, user, cancellationToken)).CanSee(challenge);

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
