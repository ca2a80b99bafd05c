using System.Text;
using Crowdsource.Application.Judging;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Crowdsource.Application.Tests.Support.JudgingScenario;

namespace Crowdsource.Application.Tests.Judging;

/// <summary>
/// The judging board and the results CSV rank in PostgreSQL (PanelRanking); they must rank exactly as the domain's
/// <see cref="Ranking"/> does on the same scorecards: weights, rounding, ties, partial panels, former judges, cards that
/// do not cover the criteria, unscored entries. Criteria: Originality 60, Feasibility 40.
/// </summary>
public sealed class PanelRankingTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task<Actor> JoinedJudgeAsync(ChallengeId challenge)
    {
        var judge = await fixture.ConfirmedAsync(Roles.Moderator);
        await fixture.SendAsync(sender => sender.Send(new AssignJudge.Command(challenge)), judge);
        return judge;
    }

    private Task<IReadOnlyList<RankedEntry>> DomainRankingAsync(ChallengeId id) => fixture.DbAsync(async db =>
    {
        var challenge = await db.Challenges.AsNoTracking().SingleAsync(candidate => candidate.Id == id);
        var panel = await db.ChallengeJudges.AsNoTracking().Where(judge => judge.ChallengeId == id).Select(judge => judge.JudgeUserId).ToListAsync();
        var approved = await db.Entries.AsNoTracking().Where(entry => entry.ChallengeId == id && entry.Status == EntryStatus.Approved)
            .OrderBy(entry => entry.SubmittedAt).ThenBy(entry => entry.Id).ToListAsync();
        var cards = await db.Scorecards.AsNoTracking().Where(card => card.ChallengeId == id).ToListAsync();
        return Ranking.Compute(challenge.Criteria, panel, approved, cards);
    });

    /// <summary>A card marked against a criterion that is not published (as before criteria froze): it must not count.</summary>
    private Task<int> RenameSecondMarkAsync(EntryId entry, Actor judge) => fixture.DbAsync(db => db.Database.ExecuteSqlAsync($$"""
        UPDATE "Scorecards" SET "Scores" = jsonb_set("Scores", '{1,Criterion}', '"Execution"')
        WHERE "EntryId" = {{entry.Value}} AND "JudgeUserId" = {{judge.UserId}}
        """));

    [Fact]
    public async Task The_board_ranks_every_entry_as_the_domain_does_with_rounding_ties_partial_panels_former_judges_and_cards_that_miss_a_criterion()
    {
        var setup = await fixture.InJudgingAsync(approved: 7, submittedOnly: 1);
        var (first, second, third, former) = (setup.Judge, await JoinedJudgeAsync(setup.Challenge), await JoinedJudgeAsync(setup.Challenge), await JoinedJudgeAsync(setup.Challenge));
        var e = setup.Entries;
        async Task ScoreAsync(Actor judge, int entry, int originality, int feasibility) =>
            await fixture.SendAsync(sender => sender.Send(Score(e[entry], originality, feasibility)), judge);

        await ScoreAsync(first, 0, 5, 5); // 5.0
        await ScoreAsync(second, 0, 9, 4); // 7.0: mean 6.00
        await ScoreAsync(first, 1, 6, 6);
        await ScoreAsync(second, 1, 6, 6); // 6.00: tied with entry 0, which was submitted first
        await ScoreAsync(first, 2, 10, 7); // 8.8
        await ScoreAsync(second, 2, 7, 7); // 7.0
        await ScoreAsync(third, 2, 8, 9); // 8.4: mean 8.0667 -> 8.07
        await ScoreAsync(former, 2, 0, 0); // leaves the panel below: no longer counts
        await ScoreAsync(first, 3, 3, 4); // 3.40, one judge of three
        await ScoreAsync(first, 4, 7, 3); // 5.4
        await ScoreAsync(second, 4, 6, 6); // made against another criterion below: 5.40 from the first judge alone
        await ScoreAsync(first, 6, 9, 8); // 8.6
        await ScoreAsync(second, 6, 5, 5); // 5.0
        await ScoreAsync(third, 6, 3, 2); // 2.6: mean 5.40, tied with entry 4
        await RenameSecondMarkAsync(e[4], second);
        await fixture.SendAsync(sender => sender.Send(new RemoveJudge.Command(setup.Challenge)), former);

        var board = await fixture.SendAsync(sender => sender.Send(new GetJudgingBoard.Query(setup.Challenge)), second);

        Assert.Equal(
            [(e[2], 1, 8.07m, false, 3, true), (e[0], 2, 6.00m, true, 2, false), (e[1], 2, 6.00m, true, 2, false),
             (e[4], 4, 5.40m, true, 1, false), (e[6], 4, 5.40m, true, 3, true), (e[3], 6, 3.40m, false, 1, false)],
            board.Rows.Take(6).Select(row => (row.EntryId, row.Rank!.Value, row.Score!.Value, row.IsTied, row.JudgeCount, row.IsComplete)));
        var unscored = board.Rows[6];
        Assert.Equal((e[5], null, null, false, 0, false), (unscored.EntryId, unscored.Rank, unscored.Score, unscored.IsTied, unscored.JudgeCount, unscored.IsComplete));
        Assert.Equal(7, board.EntryCount); // the entry still waiting for screening is not on the board

        var expected = await DomainRankingAsync(setup.Challenge);
        Assert.Equal(
            expected.Select(row => (row.EntryId, row.Rank, row.Score, row.IsTied, row.JudgeCount, row.IsComplete)),
            board.Rows.Select(row => (row.EntryId, row.Rank, row.Score, row.IsTied, row.JudgeCount, row.IsComplete)));

        // Numbers follow submission; blind judging names each author by the order they entered; the viewer's own marks.
        Assert.Equal([3, 1, 2, 5, 7, 4, 6], board.Rows.Select(row => row.Number));
        Assert.All(board.Rows, row => Assert.Equal($"Creative {row.Number}", row.CreativeName));
        Assert.Equal([7.00m, 7.00m, 6.00m, null, 5.00m, null, null], board.Rows.Select(row => row.MyScore));
        Assert.Equal([(first.UserId, 6), (second.UserId, 5), (third.UserId, 2)], board.Panel.Select(judge => (judge.UserId, judge.Scored)));
        Assert.All(board.Rows, row => Assert.NotNull(row.Preview));
    }

    [Fact]
    public async Task The_brands_picks_show_their_entry_numbers_whatever_page_they_rank_on()
    {
        var setup = await fixture.InJudgingAsync(approved: GetJudgingBoard.PageSize + 3);
        await fixture.SendAsync(sender => sender.Send(new SelectWinners.Command(setup.Challenge,
            [new SelectWinners.Pick(1, setup.Entries[^1]), new SelectWinners.Pick(2, setup.Entries[^2])])), setup.Owner);

        var board = await fixture.SendAsync(sender => sender.Send(new GetJudgingBoard.Query(setup.Challenge)), setup.Judge);

        Assert.Equal(GetJudgingBoard.PageSize, board.Rows.Count);
        Assert.DoesNotContain(board.Rows, row => row.EntryId == setup.Entries[^1]);
        Assert.Equal([(1, 23, "Wrapper 23"), (2, 22, "Wrapper 22")], board.Selection.Select(pick => (pick.Rank, pick.Number, pick.Title)));
    }

    [Fact]
    public async Task The_results_csv_lists_every_entry_in_the_domains_ranking_with_the_averages_per_criterion_and_the_prizes()
    {
        var setup = await fixture.InJudgingAsync(approved: 4);
        var second = await JoinedJudgeAsync(setup.Challenge);
        var e = setup.Entries;
        await fixture.SendAsync(sender => sender.Send(Score(e[1], 7, 8)), setup.Judge);
        await fixture.SendAsync(sender => sender.Send(Score(e[1], 6, 8)), second); // averages 6.50 and 8.00; score 7.10
        await fixture.SendAsync(sender => sender.Send(Score(e[2], 5, 5)), setup.Judge);
        await fixture.SendAsync(sender => sender.Send(Score(e[3], 5, 5)), second); // 5.00 each: tied, one judge each
        fixture.Clock.Advance(TimeSpan.FromDays(15)); // past the judging deadline: the ranking awards the prizes
        await fixture.InScopeAsync(services => services.GetRequiredService<global::Mediator.ISender>().Send(new AwardOverdueChallenges.Command()).AsTask());

        var document = await fixture.SendAsync(sender => sender.Send(new GetResultsCsv.Query(setup.Challenge)), setup.Owner);
        using var output = new MemoryStream();
        await document.WriteToAsync(output, CancellationToken.None);
        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("\"Rank\",\"Entry\",\"Creative\",\"Score (out of 10)\",\"Judges\",\"Originality\",\"Feasibility\",\"Prize\"", lines[0]);
        Assert.Equal(
            [
                "\"1\",\"Wrapper 2\",\"Test Person\",\"7.10\",\"2/2\",\"6.50\",\"8.00\",\"5000 EUR\"",
                "\"2\",\"Wrapper 3\",\"Test Person\",\"5.00\",\"1/2\",\"5.00\",\"5.00\",\"1500 EUR\"",
                "\"2\",\"Wrapper 4\",\"Test Person\",\"5.00\",\"1/2\",\"5.00\",\"5.00\",\"\"",
                "\"\",\"Wrapper 1\",\"Test Person\",\"\",\"0/2\",\"\",\"\",\"\"",
            ],
            lines.Skip(1));
        var expected = await DomainRankingAsync(setup.Challenge);
        Assert.Equal([e[1], e[2], e[3], e[0]], expected.Select(row => row.EntryId));
        Assert.Equal([6.50m, 8.00m], expected[0].CriterionAverages);
    }
}
