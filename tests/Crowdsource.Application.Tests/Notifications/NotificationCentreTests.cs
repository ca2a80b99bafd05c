using System.Globalization;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Notifications;

public sealed class NotificationCentreTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private Task<string> EmailOfAsync(Actor actor) =>
        fixture.DbAsync(db => db.Users.Where(user => user.Id == actor.UserId).Select(user => user.Email!).SingleAsync());

    [Fact]
    public async Task The_brand_hears_that_its_challenge_was_approved_and_reads_it_newest_first_in_its_language()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var draft = await fixture.CompleteDraftAsync();
        await fixture.SendAsync(sender => sender.Send(new SubmitChallengeForReview.Command(draft.Challenge)), draft.Owner);
        await fixture.SendAsync(sender => sender.Send(new RejectChallenge.Command(draft.Challenge, "The brief needs a deadline for samples.")), moderator);
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await fixture.SendAsync(sender => sender.Send(new SubmitChallengeForReview.Command(draft.Challenge)), draft.Owner);
        await fixture.FundAsync(draft.Challenge, draft.Owner);
        await fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(draft.Challenge)), moderator);
        await fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(draft.Challenge)), moderator); // a double click tells nobody twice

        var list = await fixture.SendAsync(sender => sender.Send(new ListMyNotifications.Query()), draft.Owner);
        Assert.Equal(2, list.Items.Count);
        Assert.Equal(2, list.Unread);
        Assert.Contains("approved", list.Items[0].Text, StringComparison.Ordinal);
        Assert.Contains("Reinvent the wrapper", list.Items[1].Text, StringComparison.Ordinal);
        Assert.Equal($"/Challenges/{draft.Challenge.Value}", list.Items[0].Link);
        Assert.Equal(2, (await fixture.EmailsToAsync(await EmailOfAsync(draft.Owner))).Count);

        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
            var french = await fixture.SendAsync(sender => sender.Send(new ListMyNotifications.Query()), draft.Owner);
            Assert.NotEqual(list.Items[0].Text, french.Items[0].Text);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        Assert.Empty((await fixture.SendAsync(sender => sender.Send(new ListMyNotifications.Query()), moderator)).Items);
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_someone_else_s_is_not_found()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var (challenge, _, owner) = await fixture.PublishedAsync(moderator);
        var notification = (await fixture.SendAsync(sender => sender.Send(new ListMyNotifications.Query()), owner)).Items.Single();
        Assert.Equal(1, await fixture.SendAsync(sender => sender.Send(new CountUnreadNotifications.Query()), owner));

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new OpenNotification.Command(notification.Id)), moderator));
        var link = await fixture.SendAsync(sender => sender.Send(new OpenNotification.Command(notification.Id)), owner);

        Assert.Equal($"/Challenges/{challenge.Value}", link);
        Assert.Equal(0, await fixture.SendAsync(sender => sender.Send(new CountUnreadNotifications.Query()), owner));
        Assert.True((await fixture.SendAsync(sender => sender.Send(new ListMyNotifications.Query()), owner)).Items.Single().IsRead);
        Assert.Equal(0, await fixture.SendAsync(sender => sender.Send(new CountUnreadNotifications.Query())));
    }

    [Fact]
    public async Task Mark_all_read_clears_only_the_reader_s_own_notifications()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var first = await fixture.PublishedAsync(moderator);
        var second = await fixture.PublishedAsync(moderator);

        Assert.Equal(1, await fixture.SendAsync(sender => sender.Send(new MarkAllNotificationsRead.Command()), first.Owner));
        Assert.Equal(0, await fixture.SendAsync(sender => sender.Send(new MarkAllNotificationsRead.Command()), first.Owner));

        Assert.Equal(0, await fixture.SendAsync(sender => sender.Send(new CountUnreadNotifications.Query()), first.Owner));
        Assert.Equal(1, await fixture.SendAsync(sender => sender.Send(new CountUnreadNotifications.Query()), second.Owner));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new MarkAllNotificationsRead.Command())));
    }

    [Fact]
    public async Task A_kind_turned_off_by_email_still_arrives_in_the_centre_but_queues_no_email()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var draft = await fixture.CompleteDraftAsync();
        var everythingButApproval = Enum.GetValues<NotificationKind>().Where(kind => kind != NotificationKind.ChallengeApproved).ToList();
        await fixture.SendAsync(sender => sender.Send(new SaveNotificationPreferences.Command(everythingButApproval)), draft.Owner);
        await fixture.SendAsync(sender => sender.Send(new SaveNotificationPreferences.Command(everythingButApproval)), draft.Owner);

        var preferences = await fixture.SendAsync(sender => sender.Send(new GetNotificationPreferences.Query()), draft.Owner);
        Assert.False(preferences.Single(preference => preference.Kind == NotificationKind.ChallengeApproved).ByEmail);
        Assert.True(preferences.Single(preference => preference.Kind == NotificationKind.ChallengeRejected).ByEmail);

        await fixture.SendAsync(sender => sender.Send(new SubmitChallengeForReview.Command(draft.Challenge)), draft.Owner);
        await fixture.FundAsync(draft.Challenge, draft.Owner);
        await fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(draft.Challenge)), moderator);

        Assert.Equal(NotificationKind.ChallengeApproved,
            (await fixture.DbAsync(db => db.Notifications.SingleAsync(notification => notification.UserId == draft.Owner.UserId))).Kind);
        Assert.Empty(await fixture.EmailsToAsync(await EmailOfAsync(draft.Owner)));

        await fixture.SendAsync(sender => sender.Send(new SaveNotificationPreferences.Command(Enum.GetValues<NotificationKind>())), draft.Owner);
        Assert.All(await fixture.SendAsync(sender => sender.Send(new GetNotificationPreferences.Query()), draft.Owner), preference => Assert.True(preference.ByEmail));
    }
}
