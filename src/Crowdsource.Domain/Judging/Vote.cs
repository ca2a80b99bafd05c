using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;

namespace Crowdsource.Domain.Judging;

/// <summary>
/// A signed-in person's vote in a challenge's public vote: one per account and challenge, changeable while the vote
/// is open. The vote only decides the "People's choice" prize; it never touches the panel's scores.
/// </summary>
public sealed class Vote
{
    private Vote()
    {
        VoterUserId = string.Empty;
    }

    public ChallengeId ChallengeId { get; private set; }

    public string VoterUserId { get; private set; }

    public EntryId EntryId { get; private set; }

    public DateTimeOffset CastAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Vote Cast(Challenge challenge, Entry entry, string voterUserId, bool emailConfirmed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(voterUserId);
        EnsureVotable(challenge, entry, voterUserId, emailConfirmed, now);
        return new Vote { ChallengeId = challenge.Id, VoterUserId = voterUserId, EntryId = entry.Id, CastAt = now, UpdatedAt = now };
    }

    /// <summary>The voter moves their vote to another entry while the vote is open.</summary>
    public void ChangeTo(Challenge challenge, Entry entry, bool emailConfirmed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EnsureVotable(challenge, entry, VoterUserId, emailConfirmed, now);
        EntryId = entry.Id;
        UpdatedAt = now;
    }

    /// <summary>
    /// The most voted approved entry (ties go to the earlier submission), or null when nobody voted.
    /// </summary>
    public static EntryId? PeoplesChoice(IReadOnlyCollection<Vote> votes, IReadOnlyCollection<Entry> approvedEntries)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(approvedEntries);
        return approvedEntries
            .Select(entry => (Entry: entry, Votes: votes.Count(vote => vote.EntryId == entry.Id)))
            .Where(tally => tally.Votes > 0)
            .OrderByDescending(tally => tally.Votes)
            .ThenBy(tally => tally.Entry.SubmittedAt)
            .Select(tally => (EntryId?)tally.Entry.Id)
            .FirstOrDefault();
    }

    private static void EnsureVotable(Challenge challenge, Entry entry, string voterUserId, bool emailConfirmed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (entry.ChallengeId != challenge.Id)
        {
            throw new ArgumentException("An entry of another challenge.", nameof(entry));
        }

        if (!emailConfirmed)
        {
            throw new DomainRuleException("vote.email-unconfirmed", DomainText.VoteNeedsConfirmedEmail);
        }

        if (!challenge.IsVoteOpen(now))
        {
            throw new DomainRuleException("vote.closed", DomainText.VoteClosed);
        }

        if (entry.Status != EntryStatus.Approved)
        {
            throw new DomainRuleException("vote.entry-not-approved", DomainText.VoteOnlyApproved);
        }

        if (entry.CreativeUserId == voterUserId)
        {
            throw new DomainRuleException("vote.own-entry", DomainText.VoteNotForOwnEntry);
        }
    }
}
