using Crowdsource.Application.Challenges;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;

namespace Crowdsource.Application.Tests.Challenges;

/// <summary>
/// The list's pages read in their order: the default order is read as two ranges (open, then closed) and the
/// total is counted in the page's query, so every page boundary is checked against the order the rule gives.
/// A database of its own: the list sees every challenge in it.
/// </summary>
public sealed class ListPagingTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task Pages_follow_open_challenges_by_deadline_then_closed_ones_across_every_boundary_and_a_page_past_the_end_shows_the_last()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var deadlines = new Dictionary<ChallengeId, DateTimeOffset>();
        // Published out of deadline order, so that neither the ids nor the publication order give the expected one.
        foreach (var days in new[] { 9, 3, 17, 25, 1, 12, 20, 6, 14, 22, 2, 18, 10, 26, 5, 15, 23, 8, 11, 21, 4, 16, 24, 7, 13, 19 })
        {
            var id = await fixture.PublishListedAsync(moderator, $"Challenge closing on day {days}", "A challenge of the paging test", 1000m + days, deadlineDays: days);
            deadlines[id] = (await fixture.LoadAsync(id)).SubmissionDeadline!.Value;
        }

        // Thirteen deadlines pass: their submissions are closed (whatever status the clock has given them yet).
        fixture.Clock.Advance(TimeSpan.FromDays(13.5));
        var now = fixture.Clock.GetUtcNow();
        var expected = deadlines.OrderBy(pair => pair.Value < now).ThenBy(pair => pair.Value).Select(pair => pair.Key).ToList();
        Assert.Equal(13, deadlines.Count(pair => pair.Value < now));

        var pages = new List<ListChallenges.Result>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await fixture.SendAsync(sender => sender.Send(new ListChallenges.Query(Page: page))));
        }

        Assert.Equal(expected, pages.SelectMany(page => page.Challenges).Select(card => card.Id));
        Assert.All(pages, page => Assert.Equal((26, 3), (page.Total, page.PageCount)));
        Assert.Equal([true, true, false], pages.Select(page => page.HasNext));
        Assert.Equal([12, 12, 2], pages.Select(page => page.Challenges.Count));

        // The prize order (highest first) is read through its own index, across pages too.
        var byPrize = new List<ChallengeId>();
        for (var page = 1; page <= 3; page++)
        {
            byPrize.AddRange((await fixture.SendAsync(sender => sender.Send(new ListChallenges.Query(Sort: ListChallenges.Order.Prize, Page: page)))).Challenges.Select(card => card.Id));
        }

        Assert.Equal(deadlines.OrderByDescending(pair => pair.Value).Select(pair => pair.Key), byPrize);

        // An outdated link past the end shows the last page, with the right total.
        var past = await fixture.SendAsync(sender => sender.Send(new ListChallenges.Query(Page: 40)));
        Assert.Equal((3, 26, false), (past.Page, past.Total, past.HasNext));
        Assert.Equal(expected.TakeLast(2), past.Challenges.Select(card => card.Id));

        // A search sorts its few matches in the same order.
        var search = await fixture.SendAsync(sender => sender.Send(new ListChallenges.Query(Search: "paging")));
        Assert.Equal(expected.Take(12), search.Challenges.Select(card => card.Id));
    }
}
