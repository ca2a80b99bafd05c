using Crowdsource.Application.Challenges;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Notifications;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Application.Tests.Notifications;

/// <summary>What the challenge clock tells people: a day before the deadline (followers), and when judging starts.</summary>
public sealed class ChallengeClockNotificationTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task<int> RemindAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<global::Mediator.ISender>().Send(new RemindFollowersOfDeadline.Command());
    }

    private Task<List<string>> NotifiedAsync(NotificationKind kind, string link) =>
        fixture.DbAsync(db => db.Notifications.AsNoTracking().Where(notification => notification.Kind == kind && notification.Link == link)
            .Select(notification => notification.UserId).ToListAsync());

    [Fact]
    public async Task Followers_are_reminded_once_a_day_before_the_deadline_even_by_two_instances_at_once()
    {
        var (challenge, _, _) = await fixture.OpenAsync();
        var follower = await fixture.ConfirmedAsync(Roles.Creative);
        var bystander = await fixture.ConfirmedAsync(Roles.Creative);
        await fixture.SendAsync(sender => sender.Send(new FollowChallenge.Command(challenge)), follower);
        var deadline = (await fixture.LoadAsync(challenge)).SubmissionDeadline!.Value;
        var link = $"/Challenges/{challenge.Value}";

        fixture.Clock.SetUtcNow(deadline.AddHours(-25));
        await RemindAsync();
        Assert.Empty(await NotifiedAsync(NotificationKind.DeadlineSoon, link));

        fixture.Clock.SetUtcNow(deadline.AddHours(-23));
        await Task.WhenAll(Task.Run(RemindAsync), Task.Run(RemindAsync));
        await RemindAsync();

        Assert.Equal([follower.UserId], await NotifiedAsync(NotificationKind.DeadlineSoon, link));
        Assert.DoesNotContain(bystander.UserId, await NotifiedAsync(NotificationKind.DeadlineSoon, link));
        Assert.Equal(deadline.AddHours(-23), (await fixture.LoadAsync(challenge)).DeadlineReminderSentAt);
    }

    [Fact]
    public async Task When_judging_starts_the_entrants_and_followers_hear_of_it_but_not_those_who_withdrew()
    {
        var (challenge, owner, licence) = await fixture.OpenAsync();
        var entrant = await fixture.ConfirmedAsync(Roles.Creative);
        var quitter = await fixture.ConfirmedAsync(Roles.Creative);
        var follower = await fixture.ConfirmedAsync(Roles.Creative);
        await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), "Stays", null,
            [Uploads.Of("stays.png", TestFiles.Png(seed: 31))], licence, true, true)), entrant);
        await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), "Second thoughts", null,
            [Uploads.Of("second.png", TestFiles.Png(seed: 32))], licence, true, true)), entrant);
        var withdrawn = await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), "Leaves", null,
            [Uploads.Of("leaves.png", TestFiles.Png(seed: 33))], licence, true, true)), quitter);
        await fixture.SendAsync(sender => sender.Send(new WithdrawEntry.Command(withdrawn)), quitter);
        await fixture.SendAsync(sender => sender.Send(new FollowChallenge.Command(challenge)), follower);
        await fixture.SendAsync(sender => sender.Send(new FollowChallenge.Command(challenge)), entrant);

        fixture.Clock.SetUtcNow((await fixture.LoadAsync(challenge)).SubmissionDeadline!.Value.AddSeconds(1));
        await fixture.SendAsync(sender => sender.Send(new AdvanceChallengesWithTime.Command()));
        await fixture.SendAsync(sender => sender.Send(new AdvanceChallengesWithTime.Command()));

        var told = await NotifiedAsync(NotificationKind.JudgingStarted, $"/Challenges/{challenge.Value}");
        Assert.Equal(new[] { entrant.UserId, follower.UserId }.Order(), told.Order());
        Assert.DoesNotContain(owner.UserId, told);
    }
}
