using Crowdsource.Application.Accounts;
using Crowdsource.Application.Administration;
using Crowdsource.Application.Judging;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Judging;

/// <summary>One vote per mailbox: address aliases of one person share a vote and never vote for that person's entries.</summary>
public sealed class VoteMailboxTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Theory]
    [InlineData("Eve+1@Evil.test", "eve@evil.test")]
    [InlineData(" eve+vote+2@evil.test ", "eve@evil.test")]
    [InlineData("e.v.e@evil.test", "e.v.e@evil.test")]
    [InlineData("E.Ve+x@GMail.com", "eve@gmail.com")]
    [InlineData("e.v.e@googlemail.com", "eve@gmail.com")]
    [InlineData("eve.test@gmail.com.", "evetest@gmail.com")]
    [InlineData("eve@evil.test..", "eve@evil.test")]
    public void A_mailbox_is_the_address_in_lower_case_without_its_tag_and_for_gmail_without_dots(string email, string mailbox) =>
        Assert.Equal(mailbox, Mailbox.Of(email));

    [Fact]
    public async Task Plus_aliases_of_one_mailbox_cast_one_vote()
    {
        var voting = await fixture.VotingAsync();
        var eve = $"eve{Guid.NewGuid():N}";
        var first = await AccountAsync($"{eve}+1@evil.test");
        var second = await AccountAsync($"{eve}+2@evil.test");
        var third = await AccountAsync($"{eve.ToUpperInvariant()}+4@EVIL.test");

        await VoteAsync(voting, voting.ChloesEntry, first);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => VoteAsync(voting, voting.ChloesEntry, second));
        await Assert.ThrowsAsync<DomainRuleException>(() => VoteAsync(voting, voting.DariosEntry, third));
        await VoteAsync(voting, voting.DariosEntry, first); // the first account still moves its own vote

        Assert.Equal("vote.same-mailbox", refused.Code);
        var vote = Assert.Single(await VotesAsync(voting));
        Assert.Equal((first.UserId, voting.DariosEntry), (vote.VoterUserId, vote.EntryId));
    }

    [Fact]
    public async Task Gmail_addresses_that_differ_only_by_dots_or_domain_share_a_vote()
    {
        var voting = await fixture.VotingAsync();
        var name = $"eve{Guid.NewGuid():N}"[..12];
        var dotted = await AccountAsync($"{name[..3]}.{name[3..]}@gmail.com");
        var other = await AccountAsync($"{name}+x@googlemail.com");

        await VoteAsync(voting, voting.ChloesEntry, dotted);

        Assert.Equal("vote.same-mailbox", (await Assert.ThrowsAsync<DomainRuleException>(() => VoteAsync(voting, voting.DariosEntry, other))).Code);
        Assert.Single(await VotesAsync(voting));
    }

    [Fact]
    public async Task An_alias_of_the_author_s_mailbox_cannot_vote_for_the_author_s_entry()
    {
        var voting = await fixture.VotingAsync();
        var chloe = await fixture.DbAsync(db => db.Users.Where(user => user.Id == voting.Chloe.UserId).Select(user => user.Email!).SingleAsync());
        var alias = await AccountAsync(chloe.Replace("@", "+again@", StringComparison.Ordinal));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => VoteAsync(voting, voting.ChloesEntry, alias));
        await VoteAsync(voting, voting.DariosEntry, alias);

        Assert.Equal("vote.own-mailbox", refused.Code);
        Assert.Equal(voting.DariosEntry, Assert.Single(await VotesAsync(voting)).EntryId);
    }

    [Fact]
    public async Task Two_aliases_voting_at_the_same_moment_make_one_vote()
    {
        var voting = await fixture.VotingAsync();
        var eve = $"eve{Guid.NewGuid():N}";
        var first = await AccountAsync($"{eve}+a@evil.test");
        var second = await AccountAsync($"{eve}+b@evil.test");

        var outcomes = await Task.WhenAll(
            Attempt(() => VoteAsync(voting, voting.ChloesEntry, first)),
            Attempt(() => VoteAsync(voting, voting.DariosEntry, second)));

        Assert.Single(await VotesAsync(voting));
        Assert.Equal(["vote.same-mailbox"], outcomes.Where(code => code is not null));
    }

    private static async Task<string?> Attempt(Func<Task> vote)
    {
        try
        {
            await vote();
            return null;
        }
        catch (DomainRuleException refused)
        {
            return refused.Code;
        }
    }

    private async Task<Actor> AccountAsync(string email)
    {
        await fixture.SendAsync(sender => sender.Send(new EnsureAccount.Command(email, "Eve", Support.Accounts.GoodPassword, [])));
        return new Actor((await fixture.UserAsync(email))!.Id, "Creative");
    }

    private Task VoteAsync(VotingChallenge voting, EntryId entry, Actor voter) =>
        fixture.SendAsync(sender => sender.Send(new CastVote.Command(voting.Challenge, entry)), voter);

    private Task<List<Vote>> VotesAsync(VotingChallenge voting) =>
        fixture.DbAsync(db => db.Votes.AsNoTracking().Where(vote => vote.ChallengeId == voting.Challenge).ToListAsync());
}
