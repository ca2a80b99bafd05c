using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Judging;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using static Crowdsource.Application.Tests.Support.JudgingScenario;

namespace Crowdsource.Application.Tests.Judging;

public sealed class ScoringTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task The_board_ranks_by_the_weighted_average_marks_ties_and_entries_not_scored_by_every_judge()
    {
        var setup = await fixture.InJudgingAsync(approved: 3);
        var second = await fixture.ConfirmedAsync(Roles.Moderator);
        await fixture.SendAsync(sender => sender.Send(new AssignJudge.Command(setup.Challenge)), second);

        await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[0], 5, 5)), setup.Judge);
        await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[0], 9, 4)), second); // 7.0; mean 6.0
        await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[1], 6, 6)), setup.Judge);
        await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[1], 6, 6)), second);

        var board = await fixture.SendAsync(sender => sender.Send(new GetJudgingBoard.Query(setup.Challenge)), setup.Judge);

        Assert.Equal([(1, 6.00m, 1, true, 2, true, 5.00m), (2, 6.00m, 1, true, 2, true, 6.00m)],
            board.Rows.Take(2).Select(row => (row.Number, row.Score!.Value, row.Rank!.Value, row.IsTied, row.JudgeCount, row.IsComplete, row.MyScore!.Value)));
        var unscored = board.Rows[2];
        Assert.Equal((3, null, null, 0, false, null), (unscored.Number, unscored.Score, unscored.Rank, unscored.JudgeCount, unscored.IsComplete, unscored.MyScore));
        Assert.Equal(2, board.Panel.Count);
        Assert.All(board.Rows, row => Assert.StartsWith("Creative ", row.CreativeName, StringComparison.Ordinal)); // blind by default: pseudonyms
    }

    [Fact]
    public async Task A_judge_changes_their_marks_and_the_comments_are_kept()
    {
        var setup = await fixture.InJudgingAsync(approved: 1);

        await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[0], 2, 2)), setup.Judge);
        await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[0], 10, 5, "Bold idea.", "Print a sample.")), setup.Judge);

        var card = Assert.Single(await fixture.DbAsync(db => db.Scorecards.AsNoTracking().Where(candidate => candidate.EntryId == setup.Entries[0]).ToListAsync()));
        Assert.Equal([10, 5], card.Scores.Select(score => score.Value));
        Assert.Equal(("Bold idea.", "Print a sample."), (card.Scores[0].Comment, card.OverallComment));
        var sheet = await fixture.SendAsync(sender => sender.Send(new GetScoringSheet.Query(setup.Entries[0])), setup.Judge);
        Assert.True(sheet.CanScore);
        Assert.Equal(card.Id, sheet.MyScorecard!.Id);
    }

    [Fact]
    public async Task Creatives_and_moderators_off_the_panel_cannot_score()
    {
        var setup = await fixture.InJudgingAsync(approved: 1);
        var outsider = await fixture.ConfirmedAsync(Roles.Moderator);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[0], 9, 9)), setup.Creatives[0]));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[0], 9, 9)), outsider));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new SetShortlisted.Command(setup.Entries[0], true)), outsider));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new GetJudgingBoard.Query(setup.Challenge)), setup.Owner));

        Assert.Equal(0, await fixture.DbAsync(db => db.Scorecards.CountAsync(card => card.EntryId == setup.Entries[0])));
    }

    [Fact]
    public async Task Marks_out_of_range_or_missing_are_refused_field_by_field()
    {
        var setup = await fixture.InJudgingAsync(approved: 1);

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender => sender.Send(
            new ScoreEntry.Command(setup.Entries[0], [new ScoreEntry.Mark("Originality", 11, null), new ScoreEntry.Mark("Feasibility", null, new string('x', 1001))], null)),
            setup.Judge));

        Assert.Equal(["Marks[0].Value", "Marks[1].Comment", "Marks[1].Value"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Entries_not_approved_cannot_be_scored_and_the_judges_shortlist_approved_ones()
    {
        var setup = await fixture.InJudgingAsync(approved: 1, submittedOnly: 1);

        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(Score(setup.Entries[1], 5, 5)), setup.Judge));
        await fixture.SendAsync(sender => sender.Send(new SetShortlisted.Command(setup.Entries[0], true)), setup.Judge);

        var board = await fixture.SendAsync(sender => sender.Send(new GetJudgingBoard.Query(setup.Challenge)), setup.Judge);
        Assert.True(Assert.Single(board.Rows).IsShortlisted);
    }
}
