using Crowdsource.Application.Auditing;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Notifications;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>What the judging use cases share: the panel, the approved entries, the ranking, and the announcement.</summary>
internal static class JudgingAccess
{
    public static string ResultsLink(ChallengeId id) => $"/Challenges/{id.Value}/results";

    public static string BoardLink(ChallengeId id) => $"/Moderation/Judging/{id.Value}";

    public static Task<List<string>> PanelAsync(this ICrowdsourceDb db, ChallengeId challengeId, CancellationToken cancellationToken) =>
        db.ChallengeJudges.AsNoTracking().Where(judge => judge.ChallengeId == challengeId)
            .OrderBy(judge => judge.AssignedAt).Select(judge => judge.JudgeUserId).ToListAsync(cancellationToken);

    /// <summary>The entries in judging, oldest first: "Entry #1" is the first submitted.</summary>
    public static Task<List<Entry>> ApprovedEntriesAsync(this ICrowdsourceDb db, ChallengeId challengeId, CancellationToken cancellationToken, bool tracked = false) =>
        (tracked ? db.Entries : db.Entries.AsNoTracking())
            .Where(entry => entry.ChallengeId == challengeId && entry.Status == EntryStatus.Approved)
            .OrderBy(entry => entry.SubmittedAt).ThenBy(entry => entry.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The panel (in the order judges joined: "Judge 1" first), the approved entries, the scorecards of current panel
    /// members, and the ranking they make: what every judging view and decision starts from.
    /// When prizes will be awarded from it (<c>forAwarding</c>), the entries come with their licence acceptances and file
    /// records (a grant quotes them); pages and reports only show the entries, so they load their files alone.
    /// </summary>
    public static async Task<PanelScores> PanelScoresAsync(this ICrowdsourceDb db, Challenge challenge, CancellationToken cancellationToken, bool forAwarding = false)
    {
        var panel = await db.PanelAsync(challenge.Id, cancellationToken);
        var approved = forAwarding
            ? await db.ApprovedEntriesAsync(challenge.Id, cancellationToken)
            : await db.Entries.AsNoTracking().IgnoreAutoIncludes().Include(entry => entry.Files)
                .Where(entry => entry.ChallengeId == challenge.Id && entry.Status == EntryStatus.Approved)
                .OrderBy(entry => entry.SubmittedAt).ThenBy(entry => entry.Id)
                .ToListAsync(cancellationToken);
        var cards = await db.Scorecards.AsNoTracking()
            .Where(card => card.ChallengeId == challenge.Id && panel.Contains(card.JudgeUserId))
            .ToListAsync(cancellationToken);
        return new PanelScores(panel, approved, cards, Ranking.Compute(challenge.Criteria, panel, approved, cards));
    }

    /// <summary>A moderator of the panel acting on it; any other moderator is refused (403), others learn nothing.</summary>
    public static async Task EnsureOnPanelAsync(this ICrowdsourceDb db, ChallengeId challengeId, string userId, CancellationToken cancellationToken)
    {
        if (!await db.ChallengeJudges.AnyAsync(judge => judge.ChallengeId == challengeId && judge.JudgeUserId == userId, cancellationToken))
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>
    /// An approved entry of a challenge for a moderator outside its brand, with the moderator's conflict of interest
    /// (who acts must be free of it: <see cref="ConflictOfInterest.EnsureMayJudge"/>).
    /// </summary>
    public static async Task<(Entry Entry, Challenge Challenge, ConflictOfInterest Conflict)> EntryToJudgeAsync(
        this ICrowdsourceDb db, ICurrentUser user, EntryId entryId, CancellationToken cancellationToken, bool tracked = false)
    {
        if (!user.IsStaff())
        {
            throw new ForbiddenException();
        }

        var entry = await (tracked ? db.Entries : db.Entries.AsNoTracking())
            .SingleOrDefaultAsync(candidate => candidate.Id == entryId && candidate.Status == EntryStatus.Approved, cancellationToken)
            ?? throw new NotFoundException();
        var (challenge, conflict) = await db.ChallengeForModeratorAsync(user, entry.ChallengeId, cancellationToken);
        return (entry, challenge, conflict);
    }

    /// <summary>
    /// A challenge whose results are out, for the readers of its CSV reports: the brand's members and the moderators
    /// (403 for anyone else who may see it; 404 before the announcement).
    /// </summary>
    public static async Task<Challenge> AnnouncedChallengeForReportsAsync(
        this ICrowdsourceDb db, ICurrentUser user, ChallengeId challengeId, CancellationToken cancellationToken)
    {
        // Its readers first, in one statement (staff and brand members see every challenge); anyone else learns as much as
        // the challenge page would tell them.
        var userId = user.Id ?? string.Empty;
        var found = await db.Challenges.AsNoTracking().Where(candidate => candidate.Id == challengeId)
            .Select(candidate => new
            {
                Challenge = candidate,
                IsMember = db.Brands.Any(brand => brand.Id == candidate.BrandId && brand.Members.Any(member => member.UserId == userId)),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !(user.IsStaff() || found.IsMember))
        {
            await db.VisibleChallengeAsync(user, challengeId, cancellationToken);
            throw new ForbiddenException();
        }

        return found.Challenge.ResultsAnnouncedAt is null ? throw new NotFoundException() : found.Challenge;
    }

    /// <summary>The most voted approved entry when the challenge offers a people's choice prize (null otherwise).</summary>
    public static async Task<EntryId?> PeoplesChoiceAsync(this ICrowdsourceDb db, Challenge challenge, IReadOnlyCollection<Entry> approved, CancellationToken cancellationToken)
    {
        if (challenge.PeoplesChoicePrize is null || challenge.PublicVoteClosesAt is null)
        {
            return null;
        }

        var votes = await db.Votes.AsNoTracking().Where(vote => vote.ChallengeId == challenge.Id).ToListAsync(cancellationToken);
        return Vote.PeoplesChoice(votes, approved);
    }

    /// <summary>
    /// Records the awards the challenge just decided, audits the announcement and tells every participant (authors of
    /// active entries) and the brand's members, with a link to the results page; the authors of the winning entries
    /// hear instead that they won, which prize and what happens next. The runner-up rewards are decided with them
    /// (<see cref="Challenge.DecideRunnerUpRewards"/>, from the <paramref name="ranking"/>). Same transaction as the decision.
    /// </summary>
    public static async Task AnnounceAsync(
        this ICrowdsourceDb db, ISiteLinks links, Challenge challenge, IReadOnlyList<Award> awards, IReadOnlyList<RankedEntry> ranking,
        IReadOnlyCollection<Entry> approved, string? actorUserId, string action, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.Awards.AddRange(awards);
        var runnerUps = challenge.DecideRunnerUpRewards(ranking, approved, awards, now);
        db.RunnerUpRewards.AddRange(runnerUps);
        var summary = string.Join(", ", awards.OrderBy(award => award.Rank == Award.PeoplesChoiceRank ? int.MaxValue : award.Rank)
            .Select(award => FormattableString.Invariant($"#{award.Rank} {award.EntryId.Value} {award.Amount:0.##} {award.Currency}"))
            .Concat(runnerUps.Select(reward => FormattableString.Invariant($"runner-up {reward.EntryId.Value} {reward.Amount:0.##} {reward.Currency}"))));
        db.Record(actorUserId, Audit.Challenge, challenge.Id.Value, action, summary, now);

        var winnerIds = awards.Select(award => award.EntryId).ToList();
        var winning = await db.Entries.AsNoTracking().IgnoreAutoIncludes().Where(entry => winnerIds.Contains(entry.Id))
            .Select(entry => new { entry.Id, entry.CreativeUserId, entry.Title })
            .ToDictionaryAsync(entry => entry.Id, cancellationToken);
        foreach (var award in awards)
        {
            var entry = winning[award.EntryId];
            await db.NotifyWinnerAsync(links, entry.CreativeUserId, award, challenge.Title, entry.Title, now, cancellationToken);
        }

        var winners = winning.Values.Select(entry => entry.CreativeUserId).ToHashSet(StringComparer.Ordinal);
        var participants = await db.EntrantsAsync(challenge.Id, cancellationToken);
        var members = await db.BrandMembersAsync(challenge.BrandId, cancellationToken);
        await db.NotifyAsync(links, participants.Where(id => !winners.Contains(id)).Concat(members), NotificationKind.ResultsAnnounced, challenge.Title,
            ResultsLink(challenge.Id), now, cancellationToken);
    }
}

/// <summary>See <see cref="JudgingAccess.PanelScoresAsync"/>.</summary>
internal sealed record PanelScores(List<string> Panel, List<Entry> Approved, List<Scorecard> Cards, IReadOnlyList<RankedEntry> Ranking);
