using Crowdsource.Application.Brands;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>
/// Before results an entry is seen by its author, the members of the challenge's brand and the moderators; anyone
/// else gets "not found", whatever URL they guess. After results, awarded entries and entries their authors published
/// to their portfolio are public; once the challenge is completed, the brand no longer sees the entries it did not win.
/// While a public vote is open, the vote page shows approved entries' pictures to signed-in people.
/// </summary>
internal static class EntryAccess
{
    // publicVoteAt is given by the callers that serve an entry's pictures: if the challenge's public vote is open at
    // that moment, signed-in people who may see the challenge see its approved entries (the vote page shows them).
    public static async Task<(Entry Entry, Challenge Challenge, bool ViewerIsAuthor)> VisibleEntryAsync(
        this ICrowdsourceDb db, ICurrentUser user, EntryId id, CancellationToken cancellationToken, bool tracked = false,
        DateTimeOffset? publicVoteAt = null)
    {
        var userId = user.Id;
        var entries = tracked ? db.Entries : db.Entries.AsNoTracking();
        var entry = await entries.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken)
            ?? throw new NotFoundException();
        var challenge = await (tracked ? db.Challenges : db.Challenges.AsNoTracking())
            .SingleAsync(candidate => candidate.Id == entry.ChallengeId, cancellationToken);
        var isAuthor = userId is not null && entry.CreativeUserId == userId;
        var mayRead = await IsPartyAsync(db, user, entry, challenge, cancellationToken) || entry.PublishedToPortfolioAt is not null
            || await IsAnnouncedWinnerAsync(db, user, entry, challenge, cancellationToken)
            || (publicVoteAt is { } now && await IsInOpenVoteAsync(db, user, entry, challenge, now, cancellationToken));
        return mayRead ? (entry, challenge, isAuthor) : throw new NotFoundException();
    }

    /// <summary>
    /// An entry for one of the parties to its licence (its author, the brand while it may still see the entry) or staff:
    /// receipts and grants. A published entry does not make the public a party.
    /// </summary>
    public static async Task<(Entry Entry, Challenge Challenge)> EntryOfPartyAsync(this ICrowdsourceDb db, ICurrentUser user, EntryId id, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken)
            ?? throw new NotFoundException();
        var challenge = await db.Challenges.AsNoTracking().SingleAsync(candidate => candidate.Id == entry.ChallengeId, cancellationToken);
        return await IsPartyAsync(db, user, entry, challenge, cancellationToken) ? (entry, challenge) : throw new NotFoundException();
    }

    /// <summary>
    /// The author, staff, and the brand's members. Once the challenge is completed the brand keeps only the entries it
    /// won rights to: the others were shared with it for judging only (product.md).
    /// </summary>
    public static async Task<bool> IsPartyAsync(this ICrowdsourceDb db, ICurrentUser user, Entry entry, Challenge challenge, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        if (userId is null)
        {
            return false;
        }

        if (entry.CreativeUserId == userId || user.IsStaff())
        {
            return true;
        }

        var isMember = await db.IsMemberAsync(challenge.BrandId, userId, cancellationToken);
        return isMember && (challenge.Status != ChallengeStatus.Completed || await db.Awards.AnyAsync(award => award.EntryId == entry.Id, cancellationToken));
    }

    /// <summary>After the results, awarded entries are public (results page, winners gallery), for whoever may see the challenge.</summary>
    private static async Task<bool> IsAnnouncedWinnerAsync(ICrowdsourceDb db, ICurrentUser user, Entry entry, Challenge challenge, CancellationToken cancellationToken) =>
        challenge.ResultsAnnouncedAt is not null
        && await db.Awards.AnyAsync(award => award.EntryId == entry.Id, cancellationToken)
        && (await ChallengeViewer.OfAsync(db, user, cancellationToken)).CanSee(challenge);

    /// <summary>An approved entry while its challenge's public vote is open, for signed-in people who may see the challenge.</summary>
    private static async Task<bool> IsInOpenVoteAsync(
        ICrowdsourceDb db, ICurrentUser user, Entry entry, Challenge challenge, DateTimeOffset now, CancellationToken cancellationToken) =>
        user.Id is not null && entry.Status == EntryStatus.Approved && challenge.IsVoteOpen(now)
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
