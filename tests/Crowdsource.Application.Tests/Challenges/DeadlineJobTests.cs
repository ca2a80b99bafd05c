using Crowdsource.Application.Challenges;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Application.Tests.Challenges;

/// <summary>A database of its own: the job sees every challenge of the database.</summary>
public sealed class DeadlineJobTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private static async Task<int> RunJobAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<global::Mediator.ISender>().Send(new AdvanceChallengesWithTime.Command());
    }

    [Fact]
    public async Task The_job_opens_challenges_and_moves_them_to_judging_on_time_and_two_instances_do_each_once()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var start = fixture.Clock.GetUtcNow();
        var challenges = new List<ChallengeId>();
        for (var i = 0; i < 6; i++)
        {
            challenges.Add((await fixture.PublishedAsync(moderator, opensAt: start.AddDays(2))).Challenge);
        }

        Assert.Equal(0, await RunJobAsync(fixture.Services));

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        var opened = await Task.WhenAll(Task.Run(() => RunJobAsync(fixture.Services)), Task.Run(() => RunJobAsync(fixture.Services)));
        Assert.Equal(6, opened.Sum());
        Assert.All(challenges, id => Assert.Equal(ChallengeStatus.Open, fixture.LoadAsync(id).Result.Status));

        fixture.Clock.Advance(TimeSpan.FromDays(19));
        var closed = await Task.WhenAll(Task.Run(() => RunJobAsync(fixture.Services)), Task.Run(() => RunJobAsync(fixture.Services)));
        Assert.Equal(6, closed.Sum());

        var ids = challenges.Select(id => id.Value).ToList();
        var audit = await fixture.DbAsync(db => db.AuditEvents.Where(row => ids.Contains(row.SubjectId) && row.ActorUserId == null)
            .GroupBy(row => new { row.SubjectId, row.Action }).Select(group => group.Count()).ToListAsync());
        Assert.Equal(12, audit.Count);
        Assert.All(audit, count => Assert.Equal(1, count));
        Assert.All(challenges, id => Assert.Equal(ChallengeStatus.Judging, fixture.LoadAsync(id).Result.Status));
    }
}
