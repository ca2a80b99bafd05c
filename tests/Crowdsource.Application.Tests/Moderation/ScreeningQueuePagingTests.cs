using Crowdsource.Application.Moderation;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;

namespace Crowdsource.Application.Tests.Moderation;

/// <summary>The screening queue stays one bounded page however many entries wait, and still says how many wait.</summary>
public sealed class ScreeningQueuePagingTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task The_queue_lists_the_oldest_page_of_waiting_entries_and_counts_them_all()
    {
        var waiting = GetScreeningQueue.PageSize + 2;
        var setup = await fixture.InJudgingAsync(approved: 1, submittedOnly: waiting, moveToJudging: false);
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);

        var queue = await fixture.SendAsync(sender => sender.Send(new GetScreeningQueue.Query()), moderator);

        Assert.Equal(waiting, queue.WaitingCount);
        Assert.Equal(setup.Entries.Skip(1).Take(GetScreeningQueue.PageSize), queue.Entries.Select(row => row.Id)); // oldest first
        Assert.False(queue.ManyMoreWaiting);
        Assert.All(queue.Entries, row => Assert.Empty(row.SharesFilesWith)); // every creative sent different bytes
        Assert.All(queue.Entries, row => Assert.False(string.IsNullOrEmpty(row.CreativeName)));
    }
}
