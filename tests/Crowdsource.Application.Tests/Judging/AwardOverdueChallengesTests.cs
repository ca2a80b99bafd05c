using Crowdsource.Application.Judging;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Crowdsource.Application.Tests.Support.JudgingScenario;

namespace Crowdsource.Application.Tests.Judging;

/// <summary>A database of its own: the job sees every challenge of the database.</summary>
public sealed class AwardOverdueChallengesTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private static async Task<int> RunJobAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<global::Mediator.ISender>().Send(new AwardOverdueChallenges.Command());
    }

    [Fact]
    public async Task Past_the_judging_deadline_the_ranking_awards_the_prizes_once_even_with_two_instances_and_leaves_what_it_cannot_award()
    {
        var ranked = await fixture.InJudgingAsync(approved: 3, moveToJudging: false);
        var nothingApproved = await fixture.InJudgingAsync(approved: 0, submittedOnly: 1, moveToJudging: false);
        var chosen = await fixture.InJudgingAsync(approved: 2, moveToJudging: false);
        foreach (var setup in new[] { ranked, nothingApproved, chosen })
        {
            await fixture.ToJudgingAsync(setup.Challenge);
        }

        await fixture.SendAsync(sender => sender.Send(Score(ranked.Entries[2], 9, 9)), ranked.Judge);
        await fixture.SendAsync(sender => sender.Send(Score(ranked.Entries[0], 6, 6)), ranked.Judge);
        await fixture.SendAsync(sender => sender.Send(new SelectWinners.Command(chosen.Challenge,
            [new SelectWinners.Pick(1, chosen.Entries[1]), new SelectWinners.Pick(2, chosen.Entries[0])])), chosen.Owner);

        Assert.Equal(0, await RunJobAsync(fixture.Services)); // before the judging deadline nothing moves

        fixture.Clock.Advance(TimeSpan.FromDays(15));
        var runs = await Task.WhenAll(Task.Run(() => RunJobAsync(fixture.Services)), Task.Run(() => RunJobAsync(fixture.Services)));
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await RunJobAsync(fixture.Services));

        var awards = await fixture.DbAsync(db => db.Awards.AsNoTracking().Where(award => award.ChallengeId == ranked.Challenge).OrderBy(award => award.Rank).ToListAsync());
        Assert.Equal([(1, ranked.Entries[2], AwardMethod.PanelRanking), (2, ranked.Entries[0], AwardMethod.PanelRanking)],
            awards.Select(award => (award.Rank, award.EntryId, award.Method)));
        Assert.Equal(ChallengeStatus.WinnersAnnounced, (await fixture.LoadAsync(ranked.Challenge)).Status);
        Assert.Equal(1, await fixture.DbAsync(db => db.AuditEvents.CountAsync(line => line.SubjectId == ranked.Challenge.Value && line.Action == "winners.awarded-by-ranking")));
        Assert.Equal(1 + 1, await fixture.DbAsync(db => db.Notifications.CountAsync(notification =>
            notification.Kind == NotificationKind.ResultsAnnounced && notification.Link == $"/Challenges/{ranked.Challenge.Value}/results")));
        var winnersTold = new[] { $"/Entries/{ranked.Entries[2].Value}", $"/Entries/{ranked.Entries[0].Value}" };
        Assert.Equal(2, await fixture.DbAsync(db => db.Notifications.CountAsync(notification =>
            notification.Kind == NotificationKind.PrizeWon && winnersTold.Contains(notification.Link))));

        Assert.Equal(ChallengeStatus.Judging, (await fixture.LoadAsync(nothingApproved.Challenge)).Status);
        Assert.Equal(ChallengeStatus.Judging, (await fixture.LoadAsync(chosen.Challenge)).Status);
        Assert.Equal(0, await fixture.DbAsync(db => db.Awards.CountAsync(award => award.ChallengeId != ranked.Challenge)));
        Assert.Contains(fixture.Logs.Lines, message => message.Contains(nothingApproved.Challenge.Value.ToString(), StringComparison.Ordinal));

        // The moderation desk shows what is left to settle.
        var desk = await fixture.SendAsync(sender => sender.Send(new ListChallengesInJudging.Query()), ranked.Moderator);
        Assert.Equal([(nothingApproved.Challenge, true, false), (chosen.Challenge, true, true)],
            desk.Select(row => (row.Id, row.Overdue, row.AwaitingConfirmation)));
    }
}
