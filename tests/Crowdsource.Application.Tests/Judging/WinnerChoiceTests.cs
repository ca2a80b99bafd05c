using System.Text;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Judging;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using static Crowdsource.Application.Tests.Support.JudgingScenario;

namespace Crowdsource.Application.Tests.Judging;

public sealed class WinnerChoiceTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private static SelectWinners.Command Choose(JudgingSetup setup, int first, int second) =>
        new(setup.Challenge, [new SelectWinners.Pick(1, setup.Entries[first]), new SelectWinners.Pick(2, setup.Entries[second])]);

    [Fact]
    public async Task The_brand_sees_the_ranking_with_criterion_averages_and_anonymous_comments()
    {
        var setup = await fixture.InJudgingAsync(approved: 2);
        await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[1], 9, 6, "Striking.", "Our favourite.")), setup.Judge);
        var editor = await fixture.BrandMemberAsync(setup.Brand, BrandRole.Editor);

        var choice = await fixture.SendAsync(sender => sender.Send(new GetWinnerChoice.Query(setup.Challenge)), editor);

        Assert.False(choice.CanChoose);
        Assert.Equal([setup.Entries[1], setup.Entries[0]], choice.Rows.Select(row => row.EntryId));
        Assert.Equal([9.00m, 6.00m], choice.Rows[0].CriterionAverages);
        var comments = Assert.Single(choice.Rows[0].Comments);
        Assert.Equal((1, "Striking.", "Our favourite."), (comments.Judge, comments.PerCriterion[0], comments.Overall));
        Assert.True((await fixture.SendAsync(sender => sender.Send(new GetWinnerChoice.Query(setup.Challenge)), setup.Owner)).CanChoose);
    }

    [Fact]
    public async Task Only_the_brand_s_owner_chooses_and_strangers_learn_nothing()
    {
        var setup = await fixture.InJudgingAsync(approved: 2);
        var editor = await fixture.BrandMemberAsync(setup.Brand, BrandRole.Editor);
        var stranger = (await fixture.BrandWithOwnerAsync()).Owner;

        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(Choose(setup, 0, 1)), editor));
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(Choose(setup, 0, 1)), stranger));
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new GetWinnerChoice.Query(setup.Challenge)), stranger));

        Assert.Empty((await fixture.LoadAsync(setup.Challenge)).WinnerSelection);
    }

    [Fact]
    public async Task The_brand_cannot_pick_an_entry_that_was_not_approved_nor_leave_a_tier_empty()
    {
        var setup = await fixture.InJudgingAsync(approved: 2, submittedOnly: 1);

        var rule = await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender => sender.Send(Choose(setup, 0, 2)), setup.Owner));
        Assert.Equal("challenge.winner-not-approved", rule.Code);
        var missing = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender => sender.Send(
            new SelectWinners.Command(setup.Challenge, [new SelectWinners.Pick(1, setup.Entries[0]), new SelectWinners.Pick(2, null)])), setup.Owner));
        Assert.Equal(["Picks[1].EntryId"], missing.Errors.Keys);
    }

    [Fact]
    public async Task Confirming_needs_the_brand_s_choice_and_a_moderator_independent_from_the_brand()
    {
        var setup = await fixture.InJudgingAsync(approved: 2);
        var insider = await fixture.BrandMemberAsync(setup.Brand, BrandRole.Editor, Roles.Moderator);

        var rule = await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender => sender.Send(new ConfirmWinners.Command(setup.Challenge)), setup.Moderator));
        Assert.Equal("challenge.no-selection", rule.Code);
        await fixture.SendAsync(sender => sender.Send(Choose(setup, 1, 0)), setup.Owner);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new ConfirmWinners.Command(setup.Challenge)), insider));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new ConfirmWinners.Command(setup.Challenge)), setup.Owner));

        Assert.Equal(ChallengeStatus.Judging, (await fixture.LoadAsync(setup.Challenge)).Status);
        Assert.Equal(0, await fixture.DbAsync(db => db.Awards.CountAsync(award => award.ChallengeId == setup.Challenge)));
    }

    [Fact]
    public async Task Confirmed_winners_get_their_prizes_and_hear_they_won_and_every_other_participant_and_brand_member_hears_of_the_results()
    {
        var setup = await fixture.InJudgingAsync(approved: 2, submittedOnly: 1);
        var editor = await fixture.BrandMemberAsync(setup.Brand, BrandRole.Editor);
        await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[0], 7, 7, "Nice colours.")), setup.Judge);
        await fixture.SendAsync(sender => sender.Send(Choose(setup, 1, 0)), setup.Owner);

        // The moderators who may confirm hear that a choice waits for them; the brand's people do not.
        var waiting = await fixture.DbAsync(db => db.Notifications.AsNoTracking()
            .Where(notification => notification.Kind == NotificationKind.WinnersChosen && notification.Link == $"/Moderation/Judging/{setup.Challenge.Value}")
            .Select(notification => notification.UserId).ToListAsync());
        Assert.Contains(setup.Moderator.UserId, waiting);
        Assert.Contains(setup.Judge.UserId, waiting);
        Assert.DoesNotContain(setup.Owner.UserId, waiting);
        Assert.DoesNotContain(editor.UserId, waiting);

        await fixture.SendAsync(sender => sender.Send(new ConfirmWinners.Command(setup.Challenge)), setup.Moderator);
        await fixture.SendAsync(sender => sender.Send(new ConfirmWinners.Command(setup.Challenge)), setup.Moderator); // a double click

        var awards = await fixture.DbAsync(db => db.Awards.AsNoTracking().Where(award => award.ChallengeId == setup.Challenge).OrderBy(award => award.Rank).ToListAsync());
        Assert.Equal([(1, setup.Entries[1], 5000m, AwardMethod.BrandChoice), (2, setup.Entries[0], 1500m, AwardMethod.BrandChoice)],
            awards.Select(award => (award.Rank, award.EntryId, award.Amount, award.Method)));
        var challenge = await fixture.LoadAsync(setup.Challenge);
        Assert.Equal((ChallengeStatus.WinnersAnnounced, true), (challenge.Status, challenge.IsRankingLocked));

        var told = await fixture.DbAsync(db => db.Notifications.AsNoTracking()
            .Where(notification => notification.Kind == NotificationKind.ResultsAnnounced && notification.Link == $"/Challenges/{setup.Challenge.Value}/results")
            .Select(notification => notification.UserId).ToListAsync());
        Assert.Equivalent(new[] { setup.Creatives[2].UserId, setup.Owner.UserId, editor.UserId }, told, strict: true);
        var won = await fixture.DbAsync(db => db.Notifications.AsNoTracking().Where(notification => notification.Kind == NotificationKind.PrizeWon)
            .Where(notification => notification.UserId == setup.Creatives[0].UserId || notification.UserId == setup.Creatives[1].UserId)
            .OrderBy(notification => notification.Link == $"/Entries/{setup.Entries[0].Value}")
            .Select(notification => new { notification.UserId, notification.Link }).ToListAsync());
        Assert.Equal([(setup.Creatives[1].UserId, $"/Entries/{setup.Entries[1].Value}"), (setup.Creatives[0].UserId, $"/Entries/{setup.Entries[0].Value}")],
            won.Select(notification => (notification.UserId, notification.Link)));
        var centre = await fixture.SendAsync(sender => sender.Send(new ListMyNotifications.Query()), setup.Creatives[1]);
        Assert.Contains(centre.Items, item => item.Text.StartsWith("You won in “", StringComparison.Ordinal) && item.Text.EndsWith("”: Prize 1, €5,000.", StringComparison.Ordinal));
        Assert.Equal(1, await fixture.DbAsync(db => db.AuditEvents.CountAsync(line => line.SubjectId == setup.Challenge.Value && line.Action == "winners.confirmed")));

        await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[0], 1, 1)), setup.Judge));
    }

    [Fact]
    public async Task After_the_announcement_the_results_are_public_the_author_reads_the_judges_marks_and_the_brand_gets_a_csv()
    {
        var setup = await fixture.InJudgingAsync(approved: 2);
        await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[0], 8, 4, "=HYPERLINK(\"http://evil\")", "Clean, \"bold\".")), setup.Judge);
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new GetResults.Query(setup.Challenge))));
        Assert.Null(await fixture.SendAsync(sender => sender.Send(new GetMyFeedback.Query(setup.Entries[0])), setup.Creatives[0]));
        await fixture.SendAsync(sender => sender.Send(Choose(setup, 0, 1)), setup.Owner);
        await fixture.SendAsync(sender => sender.Send(new ConfirmWinners.Command(setup.Challenge)), setup.Moderator);

        var results = await fixture.SendAsync(sender => sender.Send(new GetResults.Query(setup.Challenge)));
        Assert.Equal([(1, setup.Entries[0], "Wrapper 1"), (2, setup.Entries[1], "Wrapper 2")], results.Winners.Select(winner => (winner.Rank, winner.EntryId, winner.EntryTitle)));
        Assert.False(results.ViewerMayDownload);

        var feedback = await fixture.SendAsync(sender => sender.Send(new GetMyFeedback.Query(setup.Entries[0])), setup.Creatives[0]);
        Assert.NotNull(feedback);
        var judge = Assert.Single(feedback.Judges);
        Assert.Equal((1, 8, "Clean, \"bold\"."), (judge.Judge, judge.Marks[0].Value, judge.Overall));
        Assert.Equal((1, 6.40m), (feedback.Rank, feedback.Score));
        Assert.Null(await fixture.SendAsync(sender => sender.Send(new GetMyFeedback.Query(setup.Entries[0])), setup.Creatives[1]));

        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new GetResultsCsv.Query(setup.Challenge)), setup.Creatives[0]));
        var csv = (await CsvTextAsync(await fixture.SendAsync(sender => sender.Send(new GetResultsCsv.Query(setup.Challenge)), setup.Owner))).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Rank\",\"Entry\",\"Creative\",\"Score (out of 10)\",\"Judges\",\"Originality\",\"Feasibility\",\"Prize\"", lines[0]);
        Assert.Equal("\"1\",\"Wrapper 1\",\"Test Person\",\"6.40\",\"1/1\",\"8.00\",\"4.00\",\"5000 EUR\"", lines[1]);
        Assert.Equal("\"\",\"Wrapper 2\",\"Test Person\",\"\",\"0/1\",\"\",\"\",\"1500 EUR\"", lines[2]);

        // The judging report: one row per judge and entry, formulas defused, commas quoted.
        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new GetScoresCsv.Query(setup.Challenge)), setup.Creatives[0]));
        var scores = (await CsvTextAsync(await fixture.SendAsync(sender => sender.Send(new GetScoresCsv.Query(setup.Challenge)), setup.Moderator)))
            .TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Entry #\",\"Entry\",\"Creative\",\"Judge\",\"Originality\",\"Comment on Originality\",\"Feasibility\",\"Comment on Feasibility\",\"Overall comment\"", scores[0]);
        Assert.Equal("\"1\",\"Wrapper 1\",\"Test Person\",\"Judge 1\",\"8\",\"'=HYPERLINK(\"\"http://evil\"\")\",\"4\",\"\",\"Clean, \"\"bold\"\".\"", scores[1]);
        Assert.Equal(2, scores.Length);
    }

    [Theory]
    [InlineData("=SUM(A1:A2)", "\"'=SUM(A1:A2)\"")]
    [InlineData("+33 1 23", "\"'+33 1 23\"")]
    [InlineData("-2", "\"'-2\"")]
    [InlineData("@cmd", "\"'@cmd\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\r=cmd", "\"'\r=cmd\"")]
    [InlineData("Camille;=cmd|' /C calc'!A0;", "\"'Camille;=cmd|' /C calc'!A0;\"")]
    [InlineData("Egg,@SUM(1)", "\"'Egg,@SUM(1)\"")]
    [InlineData("Tea;-1+1", "\"'Tea;-1+1\"")]
    [InlineData("Paper, ink and \"glue\"", "\"Paper, ink and \"\"glue\"\"\"")]
    [InlineData("Plain; simple", "\"Plain; simple\"")]
    [InlineData("Plain", "\"Plain\"")]
    [InlineData("", "\"\"")]
    public void Every_csv_cell_is_quoted_and_a_formula_after_a_separator_is_defused_too(string value, string cell) =>
        Assert.Equal(cell, Csv.Cell(value));

    [Fact]
    public async Task A_formula_hidden_after_a_semicolon_in_a_name_a_title_or_a_comment_is_defused_in_both_csvs()
    {
        const string Payload = "Camille;=cmd|' /C calc'!A0;";
        const string Defused = "\"'Camille;=cmd|' /C calc'!A0;\"";
        var setup = await fixture.InJudgingAsync(approved: 2);
        await fixture.DbAsync(db => db.Entries.Where(entry => entry.Id == setup.Entries[0])
            .ExecuteUpdateAsync(update => update.SetProperty(entry => entry.Title, Payload)));
        await fixture.DbAsync(db => db.Users.Where(user => user.Id == setup.Creatives[0].UserId)
            .ExecuteUpdateAsync(update => update.SetProperty(user => user.DisplayName, Payload)));
        await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[0], 8, 4, Payload, Payload)), setup.Judge);
        await fixture.SendAsync(sender => sender.Send(Choose(setup, 0, 1)), setup.Owner);
        await fixture.SendAsync(sender => sender.Send(new ConfirmWinners.Command(setup.Challenge)), setup.Moderator);

        var results = (await CsvTextAsync(await fixture.SendAsync(sender => sender.Send(new GetResultsCsv.Query(setup.Challenge)), setup.Owner)))
            .TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var scores = (await CsvTextAsync(await fixture.SendAsync(sender => sender.Send(new GetScoresCsv.Query(setup.Challenge)), setup.Moderator)))
            .TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal($"\"1\",{Defused},{Defused},\"6.40\",\"1/1\",\"8.00\",\"4.00\",\"5000 EUR\"", results[1]);
        Assert.Equal($"\"1\",{Defused},{Defused},\"Judge 1\",\"8\",{Defused},\"4\",\"\",{Defused}", scores[1]);
    }

    /// <summary>The CSV file as the browser receives it.</summary>
    private static async Task<string> CsvTextAsync(GetResultsCsv.Document document)
    {
        using var output = new MemoryStream();
        await document.WriteToAsync(output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
