using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Moderation;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Moderation;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Moderation;

/// <summary>Moderators approve, send back or reject submitted entries from the queue; the author is told; the trail keeps it.</summary>
public sealed class ScreeningTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private Task<Actor> ModeratorAsync() => fixture.ConfirmedAsync(Roles.Moderator);

    [Fact]
    public async Task A_moderator_approves_an_entry_the_author_is_notified_by_e_mail_and_a_double_post_changes_nothing()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var (id, chloe) = await fixture.EntryAsync(challenge, licence);
        var moderator = await ModeratorAsync();
        var version = (await fixture.LoadEntryAsync(id)).Version;

        await fixture.SendAsync(sender => sender.Send(new ApproveEntry.Command(id, version)), moderator);
        await fixture.SendAsync(sender => sender.Send(new ApproveEntry.Command(id, version)), moderator);

        var entry = await fixture.LoadEntryAsync(id);
        Assert.Equal((EntryStatus.Approved, moderator.UserId), (entry.Status, entry.ScreenedByUserId));
        var notification = Assert.Single(await fixture.DbAsync(db => db.Notifications.Where(row => row.UserId == chloe.UserId).ToListAsync()));
        Assert.Equal((NotificationKind.EntryApproved, "Paper wrapper", $"/Entries/{id.Value}"), (notification.Kind, notification.Subject, notification.Link));
        var email = Assert.Single(await fixture.EmailsToAsync(await fixture.EmailOfAsync(chloe)), mail => mail.Subject.Contains("Paper wrapper", StringComparison.Ordinal));
        Assert.Contains($"/Entries/{id.Value}", email.TextBody, StringComparison.Ordinal);
        var audit = await fixture.DbAsync(db => db.AuditEvents.Where(row => row.SubjectId == id.Value && row.Action == "entry.approved").ToListAsync());
        Assert.Equal(moderator.UserId, Assert.Single(audit).ActorUserId);
    }

    [Fact]
    public async Task Changes_are_requested_with_a_message_the_author_reads_and_a_short_message_is_refused_on_its_field()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var (id, chloe) = await fixture.EntryAsync(challenge, licence);
        var moderator = await ModeratorAsync();
        var version = (await fixture.LoadEntryAsync(id)).Version;

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new RequestEntryChanges.Command(id, version, "Fix it")), moderator));
        await fixture.SendAsync(sender => sender.Send(new RequestEntryChanges.Command(id, version, "Please remove the brand logo from the back.")), moderator);

        Assert.Equal(["Message"], error.Errors.Keys);
        var entry = await fixture.LoadEntryAsync(id);
        Assert.Equal((EntryStatus.ChangesRequested, "Please remove the brand logo from the back."), (entry.Status, entry.ScreeningMessage));
        Assert.Equal([NotificationKind.EntryChangesRequested],
            await fixture.DbAsync(db => db.Notifications.Where(row => row.UserId == chloe.UserId).Select(row => row.Kind).ToListAsync()));
        Assert.Single(await fixture.DbAsync(db => db.AuditEvents.Where(row => row.SubjectId == id.Value && row.Action == "entry.changes-requested").ToListAsync()));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_that_the_author_then_reads_and_is_told_about()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var (id, chloe) = await fixture.EntryAsync(challenge, licence);
        var moderator = await ModeratorAsync();
        var version = (await fixture.LoadEntryAsync(id)).Version;

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new RejectEntry.Command(id, version, "  ")), moderator));
        await fixture.SendAsync(sender => sender.Send(new RejectEntry.Command(id, version, "The files are another brand's advert.")), moderator);

        Assert.Equal(["Reason"], error.Errors.Keys);
        var entry = await fixture.LoadEntryAsync(id);
        Assert.Equal((EntryStatus.Rejected, "The files are another brand's advert."), (entry.Status, entry.ScreeningMessage));
        Assert.Single(await fixture.EmailsToAsync(await fixture.EmailOfAsync(chloe)));
        Assert.Single(await fixture.DbAsync(db => db.AuditEvents.Where(row => row.SubjectId == id.Value && row.Action == "entry.rejected").ToListAsync()));
    }

    [Fact]
    public async Task A_creative_or_a_moderator_from_the_challenge_s_brand_cannot_screen_and_nothing_changes()
    {
        var (challenge, owner, licence) = await fixture.OpenAsync();
        var (id, chloe) = await fixture.EntryAsync(challenge, licence);
        var version = (await fixture.LoadEntryAsync(id)).Version;
        var brandModerator = owner with { Roles = [.. owner.Roles, Roles.Moderator] };
        var stranger = await fixture.ConfirmedAsync(Roles.Creative);

        foreach (var actor in new[] { chloe, stranger, brandModerator, owner })
        {
            await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new ApproveEntry.Command(id, version)), actor));
            await Assert.ThrowsAsync<ForbiddenException>(async () =>
                await fixture.SendAsync(sender => sender.Send(new RejectEntry.Command(id, version, "Not good enough for us.")), actor));
        }

        Assert.Equal(EntryStatus.Submitted, (await fixture.LoadEntryAsync(id)).Status);
        Assert.DoesNotContain((await fixture.SendAsync(sender => sender.Send(new GetScreeningQueue.Query()), brandModerator)).Entries,
            row => row.ChallengeId == challenge);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new GetScreeningQueue.Query()), chloe));
    }

    [Fact]
    public async Task A_decision_on_an_entry_that_changed_since_the_page_showed_it_is_refused()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var (id, _) = await fixture.EntryAsync(challenge, licence);
        var (first, second) = (await ModeratorAsync(), await ModeratorAsync());
        var shown = (await fixture.LoadEntryAsync(id)).Version;

        await fixture.SendAsync(sender => sender.Send(new RequestEntryChanges.Command(id, shown, "Please add the back of the wrapper.")), first);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await fixture.SendAsync(sender => sender.Send(new ApproveEntry.Command(id, shown)), second));

        Assert.Equal(EntryStatus.ChangesRequested, (await fixture.LoadEntryAsync(id)).Status);
    }

    [Fact]
    public async Task Changes_cannot_be_requested_after_the_deadline_since_the_author_could_not_make_them()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var (id, _) = await fixture.EntryAsync(challenge, licence);
        var moderator = await ModeratorAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(22));
        var version = (await fixture.LoadEntryAsync(id)).Version;

        var error = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new RequestEntryChanges.Command(id, version, "Please add the back of the wrapper.")), moderator));
        await fixture.SendAsync(sender => sender.Send(new ApproveEntry.Command(id, version)), moderator);

        Assert.Equal("entry.changes-too-late", error.Code);
        Assert.Equal(EntryStatus.Approved, (await fixture.LoadEntryAsync(id)).Status);
    }

    [Fact]
    public async Task The_queue_lists_waiting_entries_oldest_first_with_the_duplicate_flag_and_the_open_report_count()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var moderator = await ModeratorAsync();
        var (original, _) = await fixture.EntryAsync(challenge, licence, seed: 71, title: "Original");
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var (copy, _) = await fixture.EntryAsync(challenge, licence, seed: 71, title: "Copy");
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var (honest, _) = await fixture.EntryAsync(challenge, licence, seed: 72, title: "Honest");
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var (decided, _) = await fixture.EntryAsync(challenge, licence, seed: 73, title: "Decided");
        var decidedVersion = (await fixture.LoadEntryAsync(decided)).Version;
        await fixture.SendAsync(sender => sender.Send(new ApproveEntry.Command(decided, decidedVersion)), moderator);
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var (last, _) = await fixture.EntryAsync(challenge, licence, seed: 74);
        var reporter = await fixture.ConfirmedAsync(Roles.Moderator);
        await fixture.SendAsync(sender => sender.Send(new ReportContent.Command(null, copy, ReportReason.Plagiarism, "This is Chloe's image, sent again.")), reporter);

        var queue = await fixture.SendAsync(sender => sender.Send(new GetScreeningQueue.Query()), moderator);

        var rows = queue.Entries.Where(row => row.ChallengeId == challenge).ToList();
        Assert.Equal([original, copy, honest, last], rows.Select(row => row.Id));
        Assert.Equal([[copy], [original], [], []], rows.Select(row => row.SharesFilesWith));
        Assert.Equal([0, 1, 0, 0], rows.Select(row => row.OpenReports));
        Assert.Equal(("front.png", true), (rows[0].Preview!.FileName, rows[0].CanRequestChanges));
        var report = Assert.Single(queue.Reports, row => row.EntryId == copy);
        Assert.Equal(("Copy", ReportReason.Plagiarism), (report.EntryTitle, report.Reason));
        Assert.DoesNotContain(rows, row => row.Id == decided);
    }
}
