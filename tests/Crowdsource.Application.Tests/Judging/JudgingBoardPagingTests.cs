using Crowdsource.Application.Judging;
using Crowdsource.Application.Tests.Support;

namespace Crowdsource.Application.Tests.Judging;

/// <summary>The judging board shows the ranking a bounded page at a time; together the pages show every entry once.</summary>
public sealed class JudgingBoardPagingTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task Every_approved_entry_appears_once_across_the_pages_in_ranking_order()
    {
        var setup = await fixture.InJudgingAsync(approved: GetJudgingBoard.PageSize + 3);

        var first = await fixture.SendAsync(sender => sender.Send(new GetJudgingBoard.Query(setup.Challenge)), setup.Judge);
        var second = await fixture.SendAsync(sender => sender.Send(new GetJudgingBoard.Query(setup.Challenge, Page: 2)), setup.Judge);
        var beyond = await fixture.SendAsync(sender => sender.Send(new GetJudgingBoard.Query(setup.Challenge, Page: 9)), setup.Judge);

        Assert.Equal((1, 2, GetJudgingBoard.PageSize, setup.Entries.Count), (first.Page, first.PageCount, first.Rows.Count, first.EntryCount));
        Assert.Equal((2, 3), (second.Page, second.Rows.Count));
        Assert.Equal(setup.Entries, first.Rows.Concat(second.Rows).Select(row => row.EntryId)); // each once; nobody scored yet: submission order
        Assert.Equal(Enumerable.Range(1, setup.Entries.Count), first.Rows.Concat(second.Rows).Select(row => row.Number));
        Assert.Equal(2, beyond.Page); // a page past the end shows the last one
    }
}
