using Crowdsource.Application.Awards;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;

namespace Crowdsource.Application.Tests.Awards;

/// <summary>Who sees which entry once results are out and once the challenge is completed; the author's portfolio switch.</summary>
public sealed class EntryVisibilityAfterResultsTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task<FinishedChallenge> CompletedAsync()
    {
        var finished = await fixture.FinishedAsync(creatives: 3);
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        foreach (var award in finished.Awards)
        {
            await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(award.Id, award.Version, $"SEPA-{award.Rank}")), admin);
        }

        return finished;
    }

    private Task<GetEntry.Details> ReadAsync(EntryId entry, Actor? viewer) =>
        fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entry)), viewer);

    [Fact]
    public async Task The_brand_keeps_the_entries_it_won_and_loses_the_others_once_the_challenge_is_completed()
    {
        var finished = await fixture.FinishedAsync(creatives: 3);
        var loser = finished.Losers.Single();
        Assert.Equal(loser.Entry, (await ReadAsync(loser.Entry, finished.Owner)).Entry.Id); // results out, not yet completed

        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        foreach (var award in finished.Awards)
        {
            await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(award.Id, award.Version, $"SEPA-{award.Rank}")), admin);
        }

        await Assert.ThrowsAsync<NotFoundException>(() => ReadAsync(loser.Entry, finished.Owner));
        var fileId = (await ReadAsync(loser.Entry, loser.Creative)).Entry.Files[0].Id;
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new GetEntryFile.Query(loser.Entry, fileId)), finished.Owner));
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new GetLicenceReceipt.Query(loser.Entry)), finished.Owner));
        Assert.Equal(finished.Winner(1).Entry, (await ReadAsync(finished.Winner(1).Entry, finished.Owner)).Entry.Id);
        Assert.Equal(finished.Winner(2).Entry, (await ReadAsync(finished.Winner(2).Entry, finished.Owner)).Entry.Id);
        Assert.Equal(loser.Entry, (await ReadAsync(loser.Entry, finished.Moderator)).Entry.Id);
    }

    [Fact]
    public async Task A_non_winning_entry_stays_private_until_its_author_publishes_it_and_then_everyone_sees_it()
    {
        var finished = await CompletedAsync();
        var loser = finished.Losers.Single();
        var stranger = await fixture.ConfirmedAsync(Roles.Creative);
        await Assert.ThrowsAsync<NotFoundException>(() => ReadAsync(loser.Entry, stranger));
        await Assert.ThrowsAsync<NotFoundException>(() => ReadAsync(loser.Entry, null));

        await fixture.SendAsync(sender => sender.Send(new ShowEntryOnPortfolio.Command(loser.Entry, true)), loser.Creative);
        await fixture.SendAsync(sender => sender.Send(new ShowEntryOnPortfolio.Command(loser.Entry, true)), loser.Creative); // twice: harmless

        Assert.Equal(loser.Entry, (await ReadAsync(loser.Entry, stranger)).Entry.Id);
        Assert.Equal(loser.Entry, (await ReadAsync(loser.Entry, null)).Entry.Id);
        Assert.Equal(loser.Entry, (await ReadAsync(loser.Entry, finished.Owner)).Entry.Id);
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new GetLicenceReceipt.Query(loser.Entry)), stranger)); // the public is not a party
        var portfolio = await fixture.SendAsync(sender => sender.Send(new ListPortfolio.Query(loser.Creative.UserId)));
        var shown = Assert.Single(portfolio);
        Assert.Null(shown.Rank);
        Assert.NotNull(shown.Preview);

        await fixture.SendAsync(sender => sender.Send(new ShowEntryOnPortfolio.Command(loser.Entry, false)), loser.Creative);
        await Assert.ThrowsAsync<NotFoundException>(() => ReadAsync(loser.Entry, stranger));
        Assert.Empty(await fixture.SendAsync(sender => sender.Send(new ListPortfolio.Query(loser.Creative.UserId))));
    }

    [Fact]
    public async Task Winning_entries_are_public_after_the_results_and_appear_in_the_gallery_and_on_the_portfolio()
    {
        var finished = await fixture.FinishedAsync(creatives: 3);
        var (winner, creative) = finished.Winner(1);

        Assert.Equal(winner, (await ReadAsync(winner, null)).Entry.Id);
        var gallery = await fixture.SendAsync(sender => sender.Send(new ListWinners.Query()));
        var mine = gallery.Winners.Where(card => card.ChallengeId == finished.Challenge.Value).ToList();
        Assert.Equal([1, 2], mine.Select(card => card.Rank!.Value));
        Assert.DoesNotContain(mine, card => card.EntryId == finished.Losers.Single().Entry.Value);
        var portfolio = Assert.Single(await fixture.SendAsync(sender => sender.Send(new ListPortfolio.Query(creative.UserId))));
        Assert.Equal(1, portfolio.Rank);
        Assert.Equal(5000m, portfolio.Amount);
    }

    [Fact]
    public async Task Only_the_author_may_publish_and_only_after_the_results()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var creative = await fixture.ConfirmedAsync(Roles.Creative);
        var entry = await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), "Too early", null,
            [Uploads.Of("early.png", Crowdsource.TestSupport.TestFiles.Png(seed: 9))], licence, true, true)), creative);

        var early = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ShowEntryOnPortfolio.Command(entry, true)), creative));
        Assert.Equal("entry.not-publishable", early.Code);

        var finished = await fixture.FinishedAsync(creatives: 3);
        var loser = finished.Losers.Single();
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ShowEntryOnPortfolio.Command(loser.Entry, true)), finished.Winner(1).Creative));
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ShowEntryOnPortfolio.Command(loser.Entry, true)), finished.Owner));
        var status = await fixture.SendAsync(sender => sender.Send(new GetEntryAward.Query(loser.Entry)), loser.Creative);
        Assert.True(status.CanPublish);
        Assert.Null(status.Award);
    }
}
