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
/// While a public vote is open, signed-in people get each approved entry's ballot picture (the one the vote page shows)
/// and nothing else of it. Once an entry is withdrawn or rejected, only its author and staff see it: it was never
/// shared with the brand for judging.
/// </summary>
internal static class EntryAccess
{
    public static async Task<(Entry Entry, Challenge Challenge, bool ViewerIsAuthor)> VisibleEntryAsync(
        this ICrowdsourceDb db, ICurrentUser user, EntryId id, CancellationToken cancellationToken, bool tracked = false)
    {
        var (entry, challenge) = await LoadAsync(db, id, tracked, cancellationToken);
        var isAuthor = user.Id is not null && entry.CreativeUserId == user.Id;
        return await MayReadAsync(db, user, entry, challenge, cancellationToken) ? (entry, challenge, isAuthor) : throw new NotFoundException();
    }

    /// <summary>
    /// A file of an entry: any of its files for those who may see the entry; while the challenge's public vote is open
    /// (at <paramref name="now"/>), the entry's ballot picture for signed-in people who may see the challenge.
    /// </summary>
    public static async Task<EntryFile> VisibleEntryFileAsync(
        this ICrowdsourceDb db, ICurrentUser user, EntryId id, Guid entryFileId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (entry, challenge) = await LoadAsync(db, id, tracked: false, cancellationToken);
        var file = entry.Files.FirstOrDefault(candidate => candidate.Id == entryFileId) ?? throw new NotFoundException();
        var mayRead = await MayReadAsync(db, user, entry, challenge, cancellationToken)
            || (file.Id == entry.BallotPicture?.Id && await IsInOpenVoteAsync(db, user, entry, challenge, now, cancellationToken));
        return mayRead ? file : throw new NotFoundException();
    }

    private static async Task<(Entry Entry, Challenge Challenge)> LoadAsync(ICrowdsourceDb db, EntryId id, bool tracked, CancellationToken cancellationToken)
    {
        var entries = tracked ? db.Entries : db.Entries.AsNoTracking();
        var entry = await entries.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken)
            ?? throw new NotFoundException();
        var challenge = await (tracked ? db.Challenges : db.Challenges.AsNoTracking())
            .SingleAsync(candidate => candidate.Id == entry.ChallengeId, cancellationToken);
        return (entry, challenge);
    }

    private static async Task<bool> MayReadAsync(ICrowdsourceDb db, ICurrentUser user, Entry entry, Challenge challenge, CancellationToken cancellationToken) =>
        await IsPartyAsync(db, user, entry, challenge, cancellationToken) || entry.PublishedToPortfolioAt is not null
        || await IsAnnouncedWinnerAsync(db, user, entry, challenge, cancellationToken);

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
    /// won rights to (a prize, or an offer the creative accepted): the others were shared with it for judging only (product.md). A withdrawn or rejected entry is
    /// the author's and staff's only.
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

        if (entry.Status is EntryStatus.Withdrawn or EntryStatus.Rejected)
        {
            return false; // taken back by its author or kept out by a moderator: the brand keeps nothing of it
        }

        var isMember = await db.IsMemberAsync(challenge.BrandId, userId, cancellationToken);
        return isMember && (BrandKeepsAll(challenge) || await db.Awards.AnyAsync(award => award.EntryId == entry.Id, cancellationToken)
            || await db.EntryOffers.AnyAsync(offer => offer.EntryId == entry.Id && offer.Status == Domain.Offers.OfferStatus.Accepted, cancellationToken));
    }

    /// <summary>
    /// Whether the brand still sees every active entry of its challenge. Once the challenge is completed it keeps only
    /// the entries it won rights to (<see cref="IsPartyAsync"/>); pages that list the others must not link their files.
    /// </summary>
    public static bool BrandKeepsAll(Challenge challenge) => challenge.Status != ChallengeStatus.Completed;

    /// <summary>After the results, awarded entries are public (results page, winners gallery), for whoever may see the challenge.</summary>
    private static async Task<bool> IsAnnouncedWinnerAsync(ICrowdsourceDb db, ICurrentUser user, Entry entry, Challenge challenge, CancellationToken cancellationToken) =>
        challenge.ResultsAnnouncedAt is not null
        && await db.Awards.AnyAsync(award => award.EntryId == entry.Id, cancellationToken)
        && (await ChallengeViewer.OfAsync(db, user, cancellationToken)).CanSee(challenge);

    /// <summary>An approved entry while its challenge's public vote is open, for signed-in people who may see the challenge (its ballot picture only).</summary>
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
