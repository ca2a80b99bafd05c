using Crowdsource.Application.Auditing;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Moderation;

/// <summary>
/// What the three screening decisions share: only a moderator from outside the challenge's brand decides; the same
/// decision posted twice changes nothing; a decision taken on an entry that changed since the page showed it (another
/// moderator decided, or its author edited it) is refused; the author is told, and the audit trail keeps the decision.
/// </summary>
internal static class Screening
{
    /// <summary>An entry for a moderator to screen, with its challenge (both tracked).</summary>
    public static async Task<(Entry Entry, Challenge Challenge)> EntryToScreenAsync(
        this ICrowdsourceDb db, ICurrentUser user, EntryId id, CancellationToken cancellationToken)
    {
        user.RequireId();
        if (!user.IsStaff())
        {
            throw new ForbiddenException(); // before looking: a creative learns nothing about the entry
        }

        var entry = await db.Entries.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken) ?? throw new NotFoundException();
        var challenge = await db.ChallengeToModerateAsync(user, entry.ChallengeId, cancellationToken);
        return (entry, challenge);
    }

    public static async Task DecideAsync(
        this ICrowdsourceDb db, ISiteLinks links, ICurrentUser user, DateTimeOffset now, Decision decision, CancellationToken cancellationToken)
    {
        var (entry, challenge) = await db.EntryToScreenAsync(user, decision.EntryId, cancellationToken);
        if (entry.Status == decision.Outcome)
        {
            return; // the same decision sent twice (a double click)
        }

        db.Entries.Entry(entry).Property(candidate => candidate.Version).OriginalValue = decision.Version;
        var moderatorId = user.RequireId();
        decision.Apply(entry, challenge, moderatorId);
        db.Record(moderatorId, Audit.Entry, entry.Id.Value, decision.AuditAction,
            entry.ScreeningMessage is { } message ? $"{entry.Title}: {message}" : entry.Title, now);
        await db.NotifyAsync(links, [entry.CreativeUserId], decision.Notification, entry.Title, $"/Entries/{entry.Id.Value}", now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            throw new ConcurrencyConflictException(Messages.EntryScreenedMeanwhile, conflict);
        }
    }

    /// <summary>A moderator's decision on one entry, as the page saw the entry (its version).</summary>
    public sealed record Decision(
        EntryId EntryId, uint Version, EntryStatus Outcome, Action<Entry, Challenge, string> Apply, string AuditAction, NotificationKind Notification);
}
