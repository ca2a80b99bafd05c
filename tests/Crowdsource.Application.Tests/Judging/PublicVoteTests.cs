using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Judging;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Judging;

public sealed class PublicVoteTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private Task VoteAsync(VotingChallenge voting, EntryId entry, Actor? voter) =>
        fixture.SendAsync(sender => sender.Send(new CastVote.Command(voting.Challenge, entry)), voter);

    private Task<List<Vote>> VotesAsync(VotingChallenge voting) =>
        fixture.DbAsync(db => db.Votes.AsNoTracking().Where(vote => vote.ChallengeId == voting.Challenge).ToListAsync());

    private Task<GetPublicVote.Ballot> BallotAsync(VotingChallenge voting, Actor? viewer) =>
        fixture.SendAsync(sender => sender.Send(new GetPublicVote.Query(voting.Challenge)), viewer);

    [Fact]
    public async Task A_vote_is_cast_and_then_moved_to_another_entry()
    {
        var voting = await fixture.VotingAsync();
        var voter = await fixture.ConfirmedAsync();

        await VoteAsync(voting, voting.ChloesEntry, voter);
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await VoteAsync(voting, voting.DariosEntry, voter);

        var vote = Assert.Single(await VotesAsync(voting));
        Assert.Equal((voter.UserId, voting.DariosEntry), (vote.VoterUserId, vote.EntryId));
        Assert.Equal(voting.DariosEntry, (await BallotAsync(voting, voter)).MyVote);
    }

    [Fact]
    public async Task The_same_vote_posted_twice_is_one_vote()
    {
        var voting = await fixture.VotingAsync();
        var voter = await fixture.ConfirmedAsync();

        await VoteAsync(voting, voting.ChloesEntry, voter);
        await VoteAsync(voting, voting.ChloesEntry, voter);

        Assert.Equal(voting.ChloesEntry, Assert.Single(await VotesAsync(voting)).EntryId);
    }

    [Fact]
    public async Task Two_first_votes_from_one_account_at_the_same_moment_make_one_vote_and_no_error()
    {
        var voting = await fixture.VotingAsync();
        var voter = await fixture.ConfirmedAsync();

        for (var round = 0; round < 3; round++)
        {
            await fixture.DbAsync(db => db.Votes.Where(vote => vote.ChallengeId == voting.Challenge).ExecuteDeleteAsync());
            await Task.WhenAll(VoteAsync(voting, voting.ChloesEntry, voter), VoteAsync(voting, voting.DariosEntry, voter));

            var vote = Assert.Single(await VotesAsync(voting));
            Assert.Contains(vote.EntryId, new[] { voting.ChloesEntry, voting.DariosEntry });
        }
    }

    [Fact]
    public async Task A_vote_after_the_window_closed_is_refused()
    {
        var voting = await fixture.VotingAsync();
        var voter = await fixture.ConfirmedAsync();
        fixture.Clock.SetUtcNow((await fixture.LoadAsync(voting.Challenge)).PublicVoteClosesAt!.Value);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => VoteAsync(voting, voting.ChloesEntry, voter));

        Assert.Equal("vote.closed", refused.Code);
        Assert.Empty(await VotesAsync(voting));
    }

    [Fact]
    public async Task An_account_without_a_confirmed_email_cannot_vote_and_the_page_says_so()
    {
        var voting = await fixture.VotingAsync();
        var voter = await fixture.ConfirmedAsync();
        await fixture.DbAsync(db => db.Users.Where(user => user.Id == voter.UserId).ExecuteUpdateAsync(user => user.SetProperty(u => u.EmailConfirmed, false)));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => VoteAsync(voting, voting.ChloesEntry, voter));

        Assert.Equal("vote.email-unconfirmed", refused.Code);
        Assert.Empty(await VotesAsync(voting));
        var viewer = (await BallotAsync(voting, voter)).Viewer;
        Assert.Equal((true, false, false), (viewer.SignedIn, viewer.EmailConfirmed, viewer.MayVote));
    }

    [Fact]
    public async Task The_brand_s_members_do_not_vote()
    {
        var voting = await fixture.VotingAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => VoteAsync(voting, voting.ChloesEntry, voting.Owner));

        Assert.Equal("vote.brand-member", refused.Code);
        Assert.Empty(await VotesAsync(voting));
    }

    [Fact]
    public async Task Only_approved_entries_of_this_challenge_and_not_one_s_own_receive_votes()
    {
        var voting = await fixture.VotingAsync();
        var voter = await fixture.ConfirmedAsync();
        var (otherChallenge, _, otherLicence) = await fixture.OpenAsync();
        var otherEntry = await fixture.SubmitAsync(otherChallenge, otherLicence, await fixture.ConfirmedAsync(), "Elsewhere");

        Assert.Equal("vote.entry-not-approved", (await Assert.ThrowsAsync<DomainRuleException>(() => VoteAsync(voting, voting.Waiting, voter))).Code);
        Assert.Equal("vote.own-entry", (await Assert.ThrowsAsync<DomainRuleException>(() => VoteAsync(voting, voting.ChloesEntry, voting.Chloe))).Code);
        await Assert.ThrowsAsync<NotFoundException>(() => VoteAsync(voting, otherEntry, voter));
        await Assert.ThrowsAsync<ForbiddenException>(() => VoteAsync(voting, voting.ChloesEntry, null));
        Assert.Empty(await VotesAsync(voting));
    }

    [Fact]
    public async Task Tallies_are_hidden_while_the_vote_is_open_and_shown_with_the_peoples_choice_after()
    {
        var voting = await fixture.VotingAsync();
        var voters = new[] { await fixture.ConfirmedAsync(), await fixture.ConfirmedAsync(), await fixture.ConfirmedAsync() };
        await VoteAsync(voting, voting.DariosEntry, voters[0]);
        await VoteAsync(voting, voting.DariosEntry, voters[1]);
        await VoteAsync(voting, voting.ChloesEntry, voters[2]);

        var open = await BallotAsync(voting, voters[0]);
        Assert.Equal(GetPublicVote.Phase.Open, open.Phase);
        Assert.Equal([voting.ChloesEntry, voting.DariosEntry], open.Entries.Select(entry => entry.Id)); // approved only, oldest first
        Assert.All(open.Entries, entry => Assert.Null(entry.Votes));
        Assert.All(open.Entries, entry => Assert.Null(entry.CreatorName));
        Assert.Null(open.TotalVotes);
        Assert.Null(open.PeoplesChoice);

        fixture.Clock.SetUtcNow((await fixture.LoadAsync(voting.Challenge)).PublicVoteClosesAt!.Value);
        var closed = await BallotAsync(voting, null);

        Assert.Equal(GetPublicVote.Phase.Closed, closed.Phase);
        Assert.Equal([(voting.DariosEntry, 2), (voting.ChloesEntry, 1)], closed.Entries.Select(entry => (entry.Id, entry.Votes ?? -1)));
        Assert.Equal(voting.DariosEntry, closed.PeoplesChoice);
        Assert.Equal(3, closed.TotalVotes);
        Assert.Equal(new Money(500m, "EUR"), closed.PeoplesChoicePrize);
    }

    [Fact]
    public async Task Before_the_deadline_the_vote_page_lists_no_entry()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        await fixture.DbAsync(async db =>
        {
            var tracked = await db.Challenges.SingleAsync(candidate => candidate.Id == challenge);
            tracked.SetPublicVote(tracked.SubmissionDeadline!.Value.AddDays(3), null, hasEntries: false, fixture.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        await fixture.SubmitAsync(challenge, licence, await fixture.ConfirmedAsync(), "Early bird");

        var ballot = await fixture.SendAsync(sender => sender.Send(new GetPublicVote.Query(challenge)), await fixture.ConfirmedAsync());

        Assert.Equal(GetPublicVote.Phase.NotYetOpen, ballot.Phase);
        Assert.Empty(ballot.Entries);
    }

    [Fact]
    public async Task During_the_vote_a_signed_in_visitor_sees_an_approved_entry_s_files_but_not_a_waiting_one_nor_after_the_vote()
    {
        var voting = await fixture.VotingAsync();
        var stranger = await fixture.ConfirmedAsync();
        var approved = await fixture.DbAsync(db => db.Entries.AsNoTracking().SingleAsync(entry => entry.Id == voting.ChloesEntry));
        var waiting = await fixture.DbAsync(db => db.Entries.AsNoTracking().SingleAsync(entry => entry.Id == voting.Waiting));

        var file = await fixture.SendAsync(sender => sender.Send(new GetEntryFile.Query(approved.Id, approved.Files[0].Id, Preview: true)), stranger);
        Assert.NotEqual(Guid.Empty, file.FileId);
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetEntryFile.Query(waiting.Id, waiting.Files[0].Id)), stranger));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetEntry.Query(approved.Id)), stranger));

        fixture.Clock.SetUtcNow((await fixture.LoadAsync(voting.Challenge)).PublicVoteClosesAt!.Value);
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetEntryFile.Query(approved.Id, approved.Files[0].Id)), stranger));
    }

    [Fact]
    public async Task The_edit_form_saves_the_public_vote_and_reports_a_bad_window_on_its_field()
    {
        var (id, _, owner) = await fixture.CompleteDraftAsync();
        var draft = await fixture.LoadAsync(id);
        var licence = draft.LicenceVersionId!.Value;
        var edit = Support.Challenges.CompleteEdit(id, draft.Version, licence, fixture.Clock.GetUtcNow());
        var closes = edit.Deadline!.Value.AddDays(5);

        await fixture.SendAsync(sender => sender.Send(edit with { PublicVote = true, PublicVoteClosesAt = closes, PeoplesChoicePrize = 300m }), owner);

        var saved = await fixture.LoadAsync(id);
        Assert.Equal((closes, 300m), (saved.PublicVoteClosesAt, saved.PeoplesChoicePrize));

        var tooEarly = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender => sender.Send(
            edit with { Version = saved.Version, PublicVote = true, PublicVoteClosesAt = edit.Deadline.Value.AddDays(-1) }), owner));
        Assert.Equal(["PublicVoteClosesAt"], tooEarly.Errors.Keys);
        var noDate = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender => sender.Send(
            edit with { Version = saved.Version, PublicVote = true, PublicVoteClosesAt = null }), owner));
        Assert.Equal(["PublicVoteClosesAt"], noDate.Errors.Keys);
        var badPrize = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender => sender.Send(
            edit with { Version = saved.Version, PublicVote = true, PublicVoteClosesAt = closes, PeoplesChoicePrize = -5m }), owner));
        Assert.Equal(["PeoplesChoicePrize"], badPrize.Errors.Keys);

        await fixture.SendAsync(sender => sender.Send(edit with { Version = saved.Version, PublicVote = false }), owner);
        Assert.Null((await fixture.LoadAsync(id)).PublicVoteClosesAt); // a draft may drop its vote
    }

    [Fact]
    public async Task A_published_challenge_s_vote_can_be_extended_through_the_form_but_not_removed()
    {
        var (id, owner, _) = await fixture.OpenAsync();
        var challenge = await fixture.LoadAsync(id);
        var closes = challenge.SubmissionDeadline!.Value.AddDays(2);
        var edit = new EditChallenge.Command(challenge.Id, challenge.Version, challenge.Title, challenge.Summary, challenge.Brief, challenge.Category,
            string.Join(',', challenge.Tags), "EUR", [.. challenge.PrizeTiers.Select(tier => (decimal?)tier.Amount)],
            [.. challenge.Criteria.Select(criterion => new EditChallenge.CriterionInput(criterion.Name, criterion.Description, criterion.Weight))],
            challenge.LicenceVersionId, challenge.Visibility, null, challenge.MaximumEntriesPerCreative,
            challenge.SubmissionOpensAt, challenge.SubmissionDeadline, challenge.JudgingDeadline,
            PublicVote: true, PublicVoteClosesAt: closes, PeoplesChoicePrize: 200m);

        await fixture.SendAsync(sender => sender.Send(edit), owner);
        var version = (await fixture.LoadAsync(id)).Version;
        var refused = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender => sender.Send(
            edit with { Version = version, PublicVote = false }), owner));
        await fixture.SendAsync(sender => sender.Send(edit with { Version = version, PublicVoteClosesAt = closes.AddDays(1), PeoplesChoicePrize = 250m }), owner);

        Assert.Equal(["PublicVoteClosesAt"], refused.Errors.Keys);
        var saved = await fixture.LoadAsync(id);
        Assert.Equal((closes.AddDays(1), 250m), (saved.PublicVoteClosesAt, saved.PeoplesChoicePrize));
        Assert.True(await fixture.DbAsync(db => db.AuditEvents.AnyAsync(audit => audit.Action == "challenge.public-vote-extended")));
    }
}
