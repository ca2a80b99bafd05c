using Crowdsource.Application.Entries;
using Crowdsource.Application.Judging;
using Crowdsource.Application.Moderation;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Judging;

/// <summary>Issue 10, hole 8: nobody screens, judges or enters where they have a stake, and the moderators' lists agree.</summary>
public sealed class ConflictOfInterestTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private static SubmitEntry.Command Entry(Domain.Challenges.ChallengeId challenge, Guid licence, int seed) =>
        new(challenge, Guid.NewGuid(), "My own wrapper", null, [Uploads.Of("work.png", TestFiles.Png(seed: seed))], licence, true, true);

    [Fact]
    public async Task A_moderator_who_entered_neither_approves_their_entry_nor_joins_the_panel_nor_sees_the_challenge_in_their_queue()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var entrant = await fixture.ConfirmedAsync(Roles.Moderator);
        var entry = await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence, 301)), entrant);
        var version = await fixture.DbAsync(db => db.Entries.AsNoTracking().Where(candidate => candidate.Id == entry).Select(candidate => candidate.Version).SingleAsync());

        var approve = await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender => sender.Send(new ApproveEntry.Command(entry, version)), entrant));
        Assert.Equal("judge.entered", approve.Code);
        var join = await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender => sender.Send(new AssignJudge.Command(challenge)), entrant));
        Assert.Equal("judge.entered", join.Code);
        Assert.Equal(EntryStatus.Submitted, await fixture.DbAsync(db => db.Entries.AsNoTracking().Where(candidate => candidate.Id == entry).Select(candidate => candidate.Status).SingleAsync()));
        Assert.DoesNotContain((await fixture.SendAsync(sender => sender.Send(new GetScreeningQueue.Query()), entrant)).Entries, row => row.ChallengeId == challenge);
        Assert.Contains((await fixture.SendAsync(sender => sender.Send(new GetScreeningQueue.Query()), await fixture.ConfirmedAsync(Roles.Moderator))).Entries,
            row => row.Id == entry);
    }

    [Fact]
    public async Task A_judge_who_entered_cannot_score_and_a_panel_member_cannot_enter_the_challenge_they_judge()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var judge = await fixture.ConfirmedAsync(Roles.Moderator);
        await fixture.SendAsync(sender => sender.Send(new AssignJudge.Command(challenge)), judge);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence, 302)), judge));
        Assert.Equal("entry.by-judge", refused.Code);

        // Entered before joining (as the data of an older version allowed): scoring is refused all the same.
        var entrant = await fixture.ConfirmedAsync(Roles.Moderator);
        var own = await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence, 303)), entrant);
        await fixture.ApproveAsync(challenge, judge, [own]);
        await fixture.DbAsync(db =>
        {
            db.Database.ExecuteSql($"INSERT INTO \"ChallengeJudges\" (\"ChallengeId\", \"JudgeUserId\", \"AssignedByUserId\", \"AssignedAt\") VALUES ({challenge.Value}, {entrant.UserId}, {entrant.UserId}, now())");
            return Task.FromResult(0);
        });
        await fixture.ToJudgingAsync(challenge);
        var score = await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender => sender.Send(JudgingScenario.Score(own, 10, 10)), entrant));
        Assert.Equal("judge.entered", score.Code);
    }
}
