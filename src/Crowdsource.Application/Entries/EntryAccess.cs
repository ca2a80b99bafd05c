using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>
/// Before results an entry is seen by its author, the members of the challenge's brand and the moderators; anyone
/// else gets "not found", whatever URL they guess. Some pages show an entry's pictures more widely (see
/// <c>publicFilesAt</c>).
/// </summary>
internal static class EntryAccess
{
    // publicFilesAt is given by the callers that serve an entry's pictures: at that moment, whoever may see the
    // challenge also sees a prize-winning entry once the results are announced, and, while the public vote is open,
    // signed-in people see an approved entry (the vote page shows them).
    public static async Task<(Entry Entry, Challenge Challenge, bool ViewerIsAuthor)> VisibleEntryAsync(
        this ICrowdsourceDb db, ICurrentUser user, EntryId id, CancellationToken cancellationToken, bool tracked = false,
        DateTimeOffset? publicFilesAt = null)
    {
        var userId = user.Id;
        var entries = tracked ? db.Entries : db.Entries.AsNoTracking();
        var entry = userId is null && publicFilesAt is null ? null : await entries.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (entry is null)
        {
            throw new NotFoundException();
        }

        var challenge = await (tracked ? db.Challenges : db.Challenges.AsNoTracking())
            .SingleAsync(candidate => candidate.Id == entry.ChallengeId, cancellationToken);
        var isAuthor = userId is not null && entry.CreativeUserId == userId;
        var mayRead = isAuthor || user.IsStaff()
            || (userId is not null && await db.Brands.AnyAsync(brand => brand.Id == challenge.BrandId && brand.Members.Any(member => member.UserId == userId), cancellationToken))
            || (publicFilesAt is { } now && await IsShownPubliclyAsync(db, user, entry, challenge, now, cancellationToken));
        return mayRead ? (entry, challenge, isAuthor) : throw new NotFoundException();
    }

    private static async Task<bool> IsShownPubliclyAsync(
        ICrowdsourceDb db, ICurrentUser user, Entry entry, Challenge challenge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inOpenVote = user.Id is not null && entry.Status == EntryStatus.Approved && challenge.IsVoteOpen(now);
        var isPublicWinner = !inOpenVote && challenge.ResultsAnnouncedAt is not null
            && await db.Awards.AnyAsync(award => award.EntryId == entry.Id && award.ChallengeId == challenge.Id, cancellationToken);
        return (inOpenVote || isPublicWinner) && (await ChallengeViewer.OfAsync(db, user, cancellationToken)).CanSee(challenge);
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
