using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Entries;

/// <summary>The brand rates approved entries while the challenge is open; the author alone reads it, and may revise.</summary>
public sealed class RateEntryTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task The_brand_rates_an_approved_entry_and_only_its_author_reads_the_rating_and_the_comment()
    {
        var setup = await fixture.InJudgingAsync(approved: 2, moveToJudging: false);
        var entry = setup.Entries[0];

        await fixture.SendAsync(sender => sender.Send(new RateEntry.Command(entry, 4, "  Bolder colours would <b>help</b>.  ")), setup.Owner);

        var feedback = (await fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entry)), setup.Creatives[0])).BrandFeedback;
        Assert.NotNull(feedback);
        Assert.Equal(4, feedback.Stars);
        Assert.Equal("Bolder colours would <b>help</b>.", feedback.Comment);
        Assert.False(feedback.RevisedSince);
        Assert.Null((await fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entry)), setup.Judge)).BrandFeedback);
        Assert.Null((await fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entry)), setup.Moderator)).BrandFeedback);
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entry)), setup.Creatives[1]));
    }

    [Fact]
    public async Task The_author_is_notified_and_the_audit_trail_keeps_the_stars_but_not_the_private_comment()
    {
        var setup = await fixture.InJudgingAsync(approved: 1, moveToJudging: false);
        var editor = await fixture.BrandMemberAsync(setup.Brand, BrandRole.Editor);

        await fixture.SendAsync(sender => sender.Send(new RateEntry.Command(setup.Entries[0], 3, "Secret advice")), editor);

        var notification = await fixture.DbAsync(db => db.Notifications.AsNoTracking().SingleAsync(candidate =>
            candidate.UserId == setup.Creatives[0].UserId && candidate.Kind == NotificationKind.EntryRated));
        Assert.Equal($"/Entries/{setup.Entries[0].Value}", notification.Link);
        var audit = await fixture.DbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(line =>
            line.SubjectId == setup.Entries[0].Value && line.Action == AuditActions.EntryRated));
        Assert.Equal(editor.UserId, audit.ActorUserId);
        Assert.Contains("\"stars\":3", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_outside_the_brand_cannot_rate_and_those_who_may_not_see_the_entry_learn_nothing()
    {
        var setup = await fixture.InJudgingAsync(approved: 2, moveToJudging: false);
        var entry = setup.Entries[0];
        var (_, otherBrandOwner) = await fixture.BrandWithOwnerAsync();
        var stranger = await fixture.ConfirmedAsync();
        var command = new RateEntry.Command(entry, 5, "Great");

        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(command), otherBrandOwner));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(command), setup.Creatives[1]));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(command), stranger));
        await Assert.ThrowsAsync<ForbiddenException>(() => fixture.SendAsync(sender => sender.Send(command), setup.Judge));
        await Assert.ThrowsAsync<ForbiddenException>(() => fixture.SendAsync(sender => sender.Send(command), setup.Moderator));
        await Assert.ThrowsAsync<ForbiddenException>(() => fixture.SendAsync(sender => sender.Send(command), setup.Creatives[0]));
        Assert.Equal(0, await fixture.DbAsync(db => db.EntryRatings.CountAsync(rating => rating.EntryId == entry)));
    }

    [Fact]
    public async Task An_entry_not_approved_is_refused_and_a_withdrawn_one_is_not_found()
    {
        var setup = await fixture.InJudgingAsync(approved: 1, submittedOnly: 2, moveToJudging: false);
        await fixture.SendAsync(sender => sender.Send(new WithdrawEntry.Command(setup.Entries[2])), setup.Creatives[2]);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            fixture.SendAsync(sender => sender.Send(new RateEntry.Command(setup.Entries[1], 3, null)), setup.Owner));
        Assert.Equal("rating.not-approved", refused.Code);
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new RateEntry.Command(setup.Entries[2], 3, null)), setup.Owner));
    }

    [Fact]
    public async Task After_the_deadline_the_brand_can_no_longer_rate()
    {
        var setup = await fixture.InJudgingAsync(approved: 1, moveToJudging: true);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            fixture.SendAsync(sender => sender.Send(new RateEntry.Command(setup.Entries[0], 3, null)), setup.Owner));

        Assert.Equal("rating.closed", refused.Code);
    }

    [Fact]
    public async Task Stars_outside_one_to_five_and_an_overlong_comment_are_refused()
    {
        var setup = await fixture.InJudgingAsync(approved: 1, moveToJudging: false);

        await Assert.ThrowsAsync<ValidationException>(() => fixture.SendAsync(sender => sender.Send(new RateEntry.Command(setup.Entries[0], 0, null)), setup.Owner));
        await Assert.ThrowsAsync<ValidationException>(() => fixture.SendAsync(sender => sender.Send(new RateEntry.Command(setup.Entries[0], 6, null)), setup.Owner));
        await Assert.ThrowsAsync<ValidationException>(() =>
            fixture.SendAsync(sender => sender.Send(new RateEntry.Command(setup.Entries[0], 3, new string('x', EntryRating.CommentMaximumLength + 1))), setup.Owner));
    }

    [Fact]
    public async Task The_same_rating_sent_twice_at_once_is_kept_once_and_a_new_rating_adds_a_row_shown_in_its_place()
    {
        var setup = await fixture.InJudgingAsync(approved: 1, moveToJudging: false);
        var entry = setup.Entries[0];
        var command = new RateEntry.Command(entry, 2, "Too busy");

        await Task.WhenAll(fixture.SendAsync(sender => sender.Send(command), setup.Owner), fixture.SendAsync(sender => sender.Send(command), setup.Owner));
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await fixture.SendAsync(sender => sender.Send(new RateEntry.Command(entry, 4, "Much better")), setup.Owner);

        Assert.Equal(2, await fixture.DbAsync(db => db.EntryRatings.CountAsync(rating => rating.EntryId == entry)));
        Assert.Equal(2, await fixture.DbAsync(db => db.Notifications.CountAsync(notification =>
            notification.UserId == setup.Creatives[0].UserId && notification.Kind == NotificationKind.EntryRated)));
        var row = Assert.Single((await fixture.SendAsync(sender => sender.Send(new ListEntriesForFeedback.Query(setup.Challenge)), setup.Owner)).Rows);
        Assert.Equal(4, row.Latest?.Stars);
        Assert.Equal("Much better", row.Latest?.Comment);
    }

    [Fact]
    public async Task A_revision_after_the_rating_goes_back_to_screening_and_the_brand_sees_it_was_revised()
    {
        var setup = await fixture.InJudgingAsync(approved: 1, moveToJudging: false);
        var entry = setup.Entries[0];
        var creative = setup.Creatives[0];
        await fixture.SendAsync(sender => sender.Send(new RateEntry.Command(entry, 3, "Try a darker paper")), setup.Owner);
        Assert.True((await fixture.SendAsync(sender => sender.Send(new ListMyEntries.Query()), creative)).Rows.Single().NewFeedback);
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        var loaded = (await fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entry)), creative)).Entry;

        await fixture.SendAsync(sender => sender.Send(new EditEntry.Command(entry, loaded.Version, "Wrapper 1, darker", "Darker paper.", [],
            loaded.CurrentAcceptance.LicenceVersionId, false, false)), creative);

        var board = await fixture.SendAsync(sender => sender.Send(new ListEntriesForFeedback.Query(setup.Challenge)), setup.Owner);
        var row = Assert.Single(board.Rows);
        Assert.True(row.RevisedSinceRating);
        Assert.Equal(EntryStatus.Submitted, row.Status);
        Assert.False(row.CanRate);
        Assert.True((await fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entry)), creative)).BrandFeedback!.RevisedSince);
        Assert.False((await fixture.SendAsync(sender => sender.Send(new ListMyEntries.Query()), creative)).Rows.Single().NewFeedback);
    }

    [Fact]
    public async Task On_a_blind_challenge_the_brand_rates_entries_without_seeing_their_authors()
    {
        var setup = await fixture.InJudgingAsync(approved: 2, moveToJudging: false);
        Assert.True((await fixture.LoadAsync(setup.Challenge)).HidesAuthors);

        var board = await fixture.SendAsync(sender => sender.Send(new ListEntriesForFeedback.Query(setup.Challenge)), setup.Owner);

        Assert.Equal(["Creative 1", "Creative 2"], board.Rows.Select(row => row.CreativeName));
        Assert.All(board.Rows, row => Assert.True(row.CanRate));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            fixture.SendAsync(sender => sender.Send(new ListEntriesForFeedback.Query(setup.Challenge)), setup.Creatives[0]));
    }
}
