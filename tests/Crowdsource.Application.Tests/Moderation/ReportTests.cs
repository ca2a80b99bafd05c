using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Moderation;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Moderation;
using Crowdsource.Domain.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Application.Tests.Moderation;

/// <summary>Whoever can see a challenge or an entry reports it; the report waits in the queue until a moderator resolves it.</summary>
public sealed class ReportTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private const string Plagiarism = "This is a copy of a poster I saw last year.";

    [Fact]
    public async Task A_visitor_of_a_public_challenge_reports_it_once_however_often_they_send_and_moderators_outside_the_brand_are_told()
    {
        var (challenge, owner, _) = await fixture.OpenAsync();
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        await GrantAsync(owner, Roles.Moderator); // a moderator who belongs to the brand must not hear of it
        var reader = await fixture.ConfirmedAsync(Roles.Creative);

        var first = await fixture.SendAsync(sender => sender.Send(new ReportContent.Command(challenge, null, ReportReason.Plagiarism, Plagiarism)), reader);
        var second = await fixture.SendAsync(sender => sender.Send(new ReportContent.Command(challenge, null, ReportReason.Plagiarism, Plagiarism)), reader);

        Assert.Equal(first, second);
        var report = Assert.Single(await fixture.DbAsync(db => db.Reports.Where(row => row.ChallengeId == challenge).ToListAsync()));
        Assert.Equal((reader.UserId, (Domain.Entries.EntryId?)null, true), (report.ReporterUserId, report.EntryId, report.IsOpen));
        var told = await fixture.DbAsync(db => db.Notifications.Where(row => row.Kind == NotificationKind.ReportReceived && row.Link == "/Moderation/Queue")
            .Select(row => row.UserId).ToListAsync());
        Assert.Single(told, moderator.UserId);
        Assert.DoesNotContain(owner.UserId, told);
        Assert.Single(await fixture.EmailsToAsync(await fixture.EmailOfAsync(moderator)));
        Assert.Single(await fixture.DbAsync(db => db.AuditEvents.Where(row => row.SubjectId == challenge.Value && row.Action == "report.filed").ToListAsync()));
    }

    [Fact]
    public async Task Someone_who_cannot_see_the_entry_learns_nothing_and_an_anonymous_visitor_must_log_in()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var (entry, _) = await fixture.EntryAsync(challenge, licence);
        var stranger = await fixture.ConfirmedAsync(Roles.Creative);

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ReportContent.Command(null, entry, ReportReason.Spam, Plagiarism)), stranger));
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ReportContent.Command(challenge, null, ReportReason.Spam, Plagiarism))));

        Assert.Empty(await fixture.DbAsync(db => db.Reports.Where(row => row.ChallengeId == challenge).ToListAsync()));
    }

    [Fact]
    public async Task A_report_needs_a_reason_and_a_text_each_said_on_its_field()
    {
        var (challenge, _, _) = await fixture.OpenAsync();
        var reader = await fixture.ConfirmedAsync(Roles.Creative);

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ReportContent.Command(challenge, null, null, "Bad")), reader));

        Assert.Equal(["Reason", "Text"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_moderator_resolves_a_report_which_leaves_the_queue_and_the_trail_keeps_what_was_done()
    {
        var (challenge, owner, licence) = await fixture.OpenAsync();
        var (entry, chloe) = await fixture.EntryAsync(challenge, licence);
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var id = await fixture.SendAsync(sender => sender.Send(new ReportContent.Command(null, entry, ReportReason.Inappropriate, Plagiarism)), owner);
        Assert.Contains(await QueueReportsAsync(moderator), report => report.Id == id);

        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ResolveReport.Command(id, ReportOutcome.Dismissed, "Nothing wrong.")), chloe));
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ResolveReport.Command(id, ReportOutcome.Dismissed, "Nothing wrong.")), owner with { Roles = [Roles.Moderator] }));
        await fixture.SendAsync(sender => sender.Send(new ResolveReport.Command(id, ReportOutcome.Dismissed, "Checked: the image is the creative's own.")), moderator);
        await fixture.SendAsync(sender => sender.Send(new ResolveReport.Command(id, ReportOutcome.Dismissed, "Checked twice.")), moderator);

        var report = await fixture.DbAsync(db => db.Reports.SingleAsync(row => row.Id == id));
        Assert.Equal((false, moderator.UserId, "Checked: the image is the creative's own.", ReportOutcome.Dismissed),
            (report.IsOpen, report.ResolvedByUserId, report.Resolution, report.Outcome));
        Assert.DoesNotContain(await QueueReportsAsync(moderator), row => row.Id == id);
        Assert.Single(await fixture.DbAsync(db => db.AuditEvents.Where(row => row.SubjectId == entry.Value && row.Action == "report.resolved").ToListAsync()));
    }

    [Fact]
    public async Task A_report_is_closed_only_with_an_outcome_and_an_upheld_one_is_kept_as_upheld()
    {
        var (challenge, _, _) = await fixture.OpenAsync();
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var reader = await fixture.ConfirmedAsync();
        var id = await fixture.SendAsync(sender => sender.Send(new ReportContent.Command(challenge, null, ReportReason.RulesBreach, Plagiarism)), reader);

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ResolveReport.Command(id, null, "Brief corrected.")), moderator));
        Assert.Equal(["Outcome"], error.Errors.Keys);
        Assert.True(await fixture.DbAsync(db => db.Reports.AnyAsync(row => row.Id == id && row.ResolvedAt == null)));

        await fixture.SendAsync(sender => sender.Send(new ResolveReport.Command(id, ReportOutcome.Upheld, "Brief corrected with the brand.")), moderator);
        Assert.Equal(ReportOutcome.Upheld, await fixture.DbAsync(db => db.Reports.Where(row => row.Id == id).Select(row => row.Outcome).SingleAsync()));
    }

    private async Task<IReadOnlyList<GetScreeningQueue.OpenReport>> QueueReportsAsync(Actor moderator) =>
        (await fixture.SendAsync(sender => sender.Send(new GetScreeningQueue.Query()), moderator)).Reports;

    private Task GrantAsync(Actor actor, string role) => fixture.InScopeAsync(async provider =>
    {
        var users = provider.GetRequiredService<UserManager<Application.Accounts.CrowdsourceUser>>();
        await users.AddToRoleAsync((await users.FindByIdAsync(actor.UserId))!, role);
    });
}
