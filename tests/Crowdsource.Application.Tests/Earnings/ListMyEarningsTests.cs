using Crowdsource.Application.Awards;
using Crowdsource.Application.Earnings;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;

namespace Crowdsource.Application.Tests.Earnings;

public sealed class ListMyEarningsTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_winner_sees_the_prize_awaiting_payment_then_paid_with_its_grant_and_the_totals_follow()
    {
        var finished = await fixture.FinishedAsync(creatives: 3);
        var award = finished.Awards.Single(candidate => candidate.Rank == 1);
        var winner = finished.Winner(1).Creative;

        var before = await fixture.SendAsync(sender => sender.Send(new ListMyEarnings.Query()), winner);

        var pending = Assert.Single(before.Earnings);
        Assert.Equal(EarningKind.Prize, pending.Kind);
        Assert.Equal(award.Id, pending.Id);
        Assert.Equal(1, pending.Rank);
        Assert.Equal(finished.Winner(1).Entry.Value, pending.EntryId);
        Assert.Equal(award.DecidedAt, pending.DueSince);
        Assert.False(pending.IsPaid);
        Assert.False(pending.HasGrant);
        Assert.Equal(new ListMyEarnings.Total(award.Currency, award.Amount, award.Amount, 0m), Assert.Single(before.Totals));

        var paidAt = fixture.Clock.GetUtcNow();
        await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(award.Id, award.Version, "SEPA-9")), await fixture.ConfirmedAsync(Roles.Admin));
        var after = await fixture.SendAsync(sender => sender.Send(new ListMyEarnings.Query()), winner);

        var paid = Assert.Single(after.Earnings);
        Assert.Equal(paidAt, paid.PaidAt);
        Assert.True(paid.HasGrant);
        Assert.Equal(new ListMyEarnings.Total(award.Currency, award.Amount, 0m, award.Amount), Assert.Single(after.Totals));
    }

    [Fact]
    public async Task A_creative_who_won_nothing_sees_no_earnings_and_nobody_else_s()
    {
        var finished = await fixture.FinishedAsync(creatives: 3);
        var loser = finished.Losers.Single().Creative;

        var result = await fixture.SendAsync(sender => sender.Send(new ListMyEarnings.Query()), loser);

        Assert.Empty(result.Earnings);
        Assert.Empty(result.Totals);
        Assert.False(result.HasMore);
        await Assert.ThrowsAsync<Crowdsource.Application.Common.Exceptions.ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new ListMyEarnings.Query())));
    }
}
