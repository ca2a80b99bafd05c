using Crowdsource.Application.Awards;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Awards;

public sealed class MarkAwardPaidTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private Task<Actor> AdminAsync() => fixture.ConfirmedAsync(Roles.Admin);

    private async Task PayAsync(Actor admin, Guid awardId, string reference = "SEPA-2026-0042")
    {
        var version = (await fixture.AwardAsync(awardId)).Version;
        await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(awardId, version, reference)), admin);
    }

    [Fact]
    public async Task Paying_an_award_writes_the_licence_grant_effective_now_and_keeps_the_challenge_open_until_every_prize_is_paid()
    {
        var finished = await fixture.FinishedAsync();
        var first = finished.Awards.Single(award => award.Rank == 1);
        var (entryId, creative) = finished.Winner(1);
        var paidAt = fixture.Clock.GetUtcNow();

        await PayAsync(await AdminAsync(), first.Id);

        var grant = await fixture.DbAsync(db => db.LicenceGrants.AsNoTracking().SingleAsync(candidate => candidate.AwardId == first.Id));
        var entry = await fixture.DbAsync(db => db.Entries.AsNoTracking().SingleAsync(candidate => candidate.Id == entryId));
        Assert.Equal(paidAt, grant.EffectiveAt);
        Assert.Equal(entryId, grant.EntryId);
        Assert.Equal(creative.UserId, grant.CreativeUserId);
        Assert.Equal(entry.CurrentAcceptance.LicenceTextSha256, grant.LicenceTextSha256);
        var award = await fixture.AwardAsync(first.Id);
        Assert.Equal("SEPA-2026-0042", award.PaymentReference);
        Assert.Equal(ChallengeStatus.WinnersAnnounced, (await fixture.LoadAsync(finished.Challenge)).Status);
        Assert.False(await fixture.DbAsync(db => db.LicenceGrants.AnyAsync(candidate => candidate.EntryId == finished.Winner(2).Entry)));
    }

    [Fact]
    public async Task Moderators_and_creatives_may_not_record_a_payment()
    {
        var finished = await fixture.FinishedAsync(creatives: 2);
        var award = finished.Awards[0];

        await Assert.ThrowsAsync<ForbiddenException>(() => PayAsync(finished.Moderator, award.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => PayAsync(finished.Winner(1).Creative, award.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => PayAsync(finished.Owner, award.Id));

        Assert.False((await fixture.AwardAsync(award.Id)).IsPaid);
        Assert.False(await fixture.DbAsync(db => db.LicenceGrants.AnyAsync(grant => grant.AwardId == award.Id)));
    }

    [Fact]
    public async Task The_same_payment_posted_twice_is_harmless_and_a_second_payment_is_refused()
    {
        var finished = await fixture.FinishedAsync(creatives: 2);
        var award = finished.Awards.Single(candidate => candidate.Rank == 1);
        var admin = await AdminAsync();
        var staleVersion = award.Version;

        await PayAsync(admin, award.Id);
        await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(award.Id, staleVersion, "SEPA-2026-0042")), admin);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(award.Id, staleVersion, "WIRE-OTHER-7")), await AdminAsync()));

        Assert.Equal(1, await fixture.DbAsync(db => db.LicenceGrants.CountAsync(grant => grant.AwardId == award.Id)));
        Assert.Equal("SEPA-2026-0042", (await fixture.AwardAsync(award.Id)).PaymentReference);
        Assert.Equal(1, await fixture.DbAsync(db => db.AuditEvents.CountAsync(row => row.SubjectId == finished.Challenge.Value && row.Action == "award.paid")));
    }

    [Fact]
    public async Task A_stale_version_is_told_that_someone_else_changed_the_award()
    {
        var finished = await fixture.FinishedAsync(creatives: 2);
        var award = finished.Awards[0];
        await fixture.DbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "Awards" SET "Amount" = "Amount" WHERE "Id" = {award.Id}"""));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(award.Id, award.Version, "SEPA-1")), await AdminAsync()));
        Assert.False((await fixture.AwardAsync(award.Id)).IsPaid);
    }

    [Fact]
    public async Task A_payment_without_a_reference_is_refused_on_its_field()
    {
        var finished = await fixture.FinishedAsync(creatives: 2);

        var refused = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(finished.Awards[0].Id, finished.Awards[0].Version, "  ")), await AdminAsync()));

        Assert.Contains(nameof(MarkAwardPaid.Command.PaymentReference), refused.Errors.Keys);
    }

    [Fact]
    public async Task The_challenge_completes_when_the_last_award_is_paid()
    {
        var finished = await fixture.FinishedAsync();
        var admin = await AdminAsync();

        foreach (var award in finished.Awards)
        {
            await PayAsync(admin, award.Id, $"SEPA-{award.Rank}");
        }

        var challenge = await fixture.LoadAsync(finished.Challenge);
        Assert.Equal(ChallengeStatus.Completed, challenge.Status);
        Assert.Equal(fixture.Clock.GetUtcNow(), challenge.CompletedAt);
        Assert.Equal(1, await fixture.DbAsync(db => db.AuditEvents.CountAsync(row => row.SubjectId == finished.Challenge.Value && row.Action == "challenge.completed")));
        Assert.Equal(2, await fixture.DbAsync(db => db.LicenceGrants.CountAsync(grant => grant.ChallengeId == finished.Challenge)));
    }

    [Fact]
    public async Task Two_admins_paying_the_last_two_prizes_at_the_same_moment_still_complete_the_challenge()
    {
        var finished = await fixture.FinishedAsync();
        var (first, second) = (await AdminAsync(), await AdminAsync());

        await Task.WhenAll(
            Task.Run(() => PayAsync(first, finished.Awards[0].Id, "SEPA-A")),
            Task.Run(() => PayAsync(second, finished.Awards[1].Id, "SEPA-B")));

        Assert.Equal(ChallengeStatus.Completed, (await fixture.LoadAsync(finished.Challenge)).Status);
    }

    [Fact]
    public async Task The_winner_and_the_brand_are_told_in_app_and_by_email_and_the_other_entrants_are_not()
    {
        var finished = await fixture.FinishedAsync();
        var award = finished.Awards.Single(candidate => candidate.Rank == 1);

        await PayAsync(await AdminAsync(), award.Id);

        var told = await fixture.DbAsync(db => db.Notifications.AsNoTracking()
            .Where(notification => notification.Kind == NotificationKind.AwardPaid && notification.Link == $"/Entries/{award.EntryId.Value}")
            .Select(notification => notification.UserId).ToListAsync());
        Assert.Equal(new[] { finished.Winner(1).Creative.UserId, finished.Owner.UserId }.Order(), told.Order());
        foreach (var person in new[] { finished.Winner(1).Creative, finished.Owner })
        {
            var email = await fixture.DbAsync(db => db.Users.Where(user => user.Id == person.UserId).Select(user => user.Email!).SingleAsync());
            Assert.Contains(await fixture.EmailsToAsync(email), message => message.Subject.Contains("has been paid", StringComparison.Ordinal));
        }
    }
}
