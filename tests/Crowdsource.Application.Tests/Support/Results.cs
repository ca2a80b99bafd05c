using Crowdsource.Application.Challenges;
using Crowdsource.Application.Entries;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Support;

/// <summary>A challenge whose results are out, reached the way the domain allows it (the judging use cases live elsewhere).</summary>
internal sealed record FinishedChallenge(
    ChallengeId Challenge, Actor Owner, Actor Moderator, IReadOnlyList<(EntryId Entry, Actor Creative)> Entries, IReadOnlyList<Award> Awards)
{
    /// <summary>The entry that won the award of <paramref name="rank"/>, and its author.</summary>
    public (EntryId Entry, Actor Creative) Winner(int rank)
    {
        var entry = Awards.Single(award => award.Rank == rank).EntryId;
        return Entries.Single(candidate => candidate.Entry == entry);
    }

    /// <summary>The entries that won nothing.</summary>
    public IEnumerable<(EntryId Entry, Actor Creative)> Losers => Entries.Where(candidate => Awards.All(award => award.EntryId != candidate.Entry));
}

/// <summary>The challenge of <see cref="Results.FinishedAsync"/> while still open, its entries approved: for what happens before the deadline.</summary>
internal sealed record FinishedSetup(ChallengeId Challenge, Actor Owner, IReadOnlyList<(EntryId Entry, Actor Creative)> Entries);

internal static class Results
{
    /// <summary>
    /// An open challenge (two prizes) with one approved entry per new creative, submitted in order; the clock moves past
    /// the deadline (the job starts judging) and the judging deadline; the ranking awards the prizes (no scores: the
    /// earliest entries win). With three creatives, the third wins nothing.
    /// </summary>
    public static async Task<FinishedChallenge> FinishedAsync(this ApplicationFixture fixture, int creatives = 3, Func<FinishedSetup, Task>? beforeJudging = null)
    {
        var (challenge, owner, licence) = await fixture.OpenAsync();
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var entries = new List<(EntryId, Actor)>();
        for (var i = 0; i < creatives; i++)
        {
            var creative = await fixture.ConfirmedAsync(Roles.Creative);
            var id = await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), $"Wrapper idea {i + 1}", null,
                [Uploads.Of($"idea-{i + 1}.png", TestFiles.Png(seed: 100 + i))], licence, true, true)), creative);
            entries.Add((id, creative));
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await fixture.DbAsync(async db =>
        {
            var loaded = await db.Challenges.SingleAsync(candidate => candidate.Id == challenge);
            foreach (var entry in await db.Entries.Where(candidate => candidate.ChallengeId == challenge).ToListAsync())
            {
                entry.Approve(loaded, moderator.UserId, fixture.Clock.GetUtcNow());
            }

            return await db.SaveChangesAsync();
        });

        if (beforeJudging is not null)
        {
            await beforeJudging(new FinishedSetup(challenge, owner, entries));
        }
        var deadlines = await fixture.LoadAsync(challenge);
        fixture.Clock.SetUtcNow(deadlines.SubmissionDeadline!.Value.AddMinutes(1));
        await fixture.SendAsync(sender => sender.Send(new AdvanceChallengesWithTime.Command()));
        fixture.Clock.SetUtcNow(deadlines.JudgingDeadline!.Value.AddMinutes(1));

        var awards = await fixture.DbAsync(async db =>
        {
            var loaded = await db.Challenges.SingleAsync(candidate => candidate.Id == challenge);
            var approved = await db.Entries.Where(candidate => candidate.ChallengeId == challenge && candidate.Status == EntryStatus.Approved).ToListAsync();
            var decided = loaded.AwardByRanking([], approved, null, fixture.Clock.GetUtcNow());
            db.Awards.AddRange(decided);
            await db.SaveChangesAsync();
            return decided;
        });
        return new FinishedChallenge(challenge, owner, moderator, entries, awards);
    }

    public static Task<Award> AwardAsync(this ApplicationFixture fixture, Guid awardId) =>
        fixture.DbAsync(db => db.Awards.AsNoTracking().SingleAsync(award => award.Id == awardId));
}
