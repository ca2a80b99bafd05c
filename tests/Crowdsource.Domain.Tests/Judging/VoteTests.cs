using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Files;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Licensing;
using Crowdsource.Domain.Tests.Challenges;

namespace Crowdsource.Domain.Tests.Judging;

public sealed class VoteTests
{
    private static readonly DateTimeOffset Now = ChallengeBuilder.Now;

    private static readonly LicenceVersion Licence = LicenceVersion.Publish(ChallengeBuilder.Licence, "exclusive-assignment-on-award", 1,
        LicenceScope.ExclusiveAssignment, LicenceAppliesTo.WinningEntriesOnly, ("Exclusive", "Exclusive"), ("Summary", "Résumé"),
        ("Full text", "Texte complet"), "All media", "Worldwide", "Full term", Now.AddYears(-1));

    /// <summary>Opens in an hour, deadline in 21 days, judging until day 35, public vote until day 28 with a 500 EUR prize.</summary>
    private static Challenge ChallengeWithVote(decimal? prize = 500m)
    {
        var challenge = ChallengeBuilder.CompleteDraft(opensAt: Now.AddHours(1));
        challenge.SetPublicVote(Now.AddDays(28), prize, hasEntries: false, Now);
        challenge.SubmitForReview(Now);
        challenge.FundPrizes(Now);
        challenge.Approve(Now);
        challenge.AdvanceWithTime(Now.AddHours(2));
        return challenge;
    }

    private static DateTimeOffset Deadline(Challenge challenge) => challenge.SubmissionDeadline!.Value;

    private static Entry Submit(Challenge challenge, string creative, DateTimeOffset at)
    {
        var file = StoredFile.Create(Guid.NewGuid(), "poster.png", "image/png", 2048,
            Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32), creative, at);
        return Entry.Submit(challenge, creative, new EntryText("Poster by " + creative, null), [file], 5,
            new LicenceConsent(Licence, Licence.Id, true, true, "203.0.113.7", "Firefox"), 0, Guid.NewGuid(), at);
    }

    private static Entry Approved(Challenge challenge, string creative, DateTimeOffset at)
    {
        var entry = Submit(challenge, creative, at);
        entry.Approve(challenge, "moderator", at.AddMinutes(1));
        return entry;
    }

    /// <summary>A challenge in its public vote, with two approved entries (Chloe's first) and one still waiting for screening.</summary>
    private static (Challenge Challenge, Entry Chloe, Entry Dario, Entry Waiting) DuringTheVote()
    {
        var challenge = ChallengeWithVote();
        var chloe = Approved(challenge, "chloe", Now.AddDays(1));
        var dario = Approved(challenge, "dario", Now.AddDays(2));
        var waiting = Submit(challenge, "eva", Now.AddDays(3));
        challenge.AdvanceWithTime(Deadline(challenge));
        return (challenge, chloe, dario, waiting);
    }

    [Fact]
    public void The_vote_opens_at_the_deadline_and_closes_at_its_closing_time()
    {
        var challenge = ChallengeWithVote();
        var chloe = Approved(challenge, "chloe", Now.AddDays(1));
        var closes = challenge.PublicVoteClosesAt!.Value;

        Assert.False(challenge.IsVoteOpen(Deadline(challenge).AddMinutes(-1)));
        Assert.Equal("vote.closed", Assert.Throws<DomainRuleException>(() => Vote.Cast(challenge, chloe, "voter", true, Deadline(challenge).AddMinutes(-1))).Code);

        challenge.AdvanceWithTime(Deadline(challenge));

        Assert.True(challenge.IsVoteOpen(Deadline(challenge)));
        Assert.True(challenge.IsVoteOpen(closes.AddTicks(-1)));
        Assert.False(challenge.IsVoteOpen(closes));
        Assert.Equal(chloe.Id, Vote.Cast(challenge, chloe, "voter", true, Deadline(challenge)).EntryId);
        Assert.Equal("vote.closed", Assert.Throws<DomainRuleException>(() => Vote.Cast(challenge, chloe, "voter", true, closes)).Code);
    }

    [Fact]
    public void A_challenge_without_a_public_vote_never_opens_one()
    {
        var challenge = ChallengeBuilder.Published(opensAt: Now.AddHours(1));
        challenge.AdvanceWithTime(Deadline(challenge));

        Assert.False(challenge.IsVoteOpen(Deadline(challenge).AddDays(1)));
        Assert.False(challenge.AreVoteTalliesVisible(Deadline(challenge).AddDays(30)));
    }

    [Fact]
    public void Tallies_stay_hidden_until_the_vote_closes()
    {
        var (challenge, _, _, _) = DuringTheVote();
        var closes = challenge.PublicVoteClosesAt!.Value;

        Assert.False(challenge.AreVoteTalliesVisible(closes.AddTicks(-1)));
        Assert.True(challenge.AreVoteTalliesVisible(closes));
    }

    [Fact]
    public void Only_accounts_with_a_confirmed_email_vote()
    {
        var (challenge, chloe, _, _) = DuringTheVote();

        var refused = Assert.Throws<DomainRuleException>(() => Vote.Cast(challenge, chloe, "voter", emailConfirmed: false, Deadline(challenge).AddHours(1)));

        Assert.Equal("vote.email-unconfirmed", refused.Code);
    }

    [Fact]
    public void Only_approved_entries_receive_votes()
    {
        var (challenge, _, _, waiting) = DuringTheVote();

        Assert.Equal("vote.entry-not-approved",
            Assert.Throws<DomainRuleException>(() => Vote.Cast(challenge, waiting, "voter", true, Deadline(challenge).AddHours(1))).Code);
    }

    [Fact]
    public void Nobody_votes_for_their_own_entry()
    {
        var (challenge, chloe, dario, _) = DuringTheVote();

        Assert.Equal("vote.own-entry", Assert.Throws<DomainRuleException>(() => Vote.Cast(challenge, chloe, "chloe", true, Deadline(challenge).AddHours(1))).Code);
        var chloesVote = Vote.Cast(challenge, dario, "chloe", true, Deadline(challenge).AddHours(1));
        Assert.Equal("vote.own-entry",
            Assert.Throws<DomainRuleException>(() => chloesVote.ChangeTo(challenge, chloe, true, Deadline(challenge).AddHours(2))).Code);
    }

    [Fact]
    public void A_vote_moves_to_another_entry_while_the_vote_is_open_but_not_after()
    {
        var (challenge, chloe, dario, _) = DuringTheVote();
        var cast = Deadline(challenge).AddHours(1);
        var vote = Vote.Cast(challenge, chloe, "voter", true, cast);

        vote.ChangeTo(challenge, dario, true, cast.AddHours(1));

        Assert.Equal((dario.Id, cast, cast.AddHours(1)), (vote.EntryId, vote.CastAt, vote.UpdatedAt));
        Assert.Equal("vote.closed",
            Assert.Throws<DomainRuleException>(() => vote.ChangeTo(challenge, chloe, true, challenge.PublicVoteClosesAt!.Value)).Code);
        Assert.Equal(dario.Id, vote.EntryId);
    }

    [Fact]
    public void The_peoples_choice_is_the_most_voted_entry()
    {
        var (challenge, chloe, dario, _) = DuringTheVote();
        var at = Deadline(challenge).AddHours(1);
        List<Vote> votes = [Vote.Cast(challenge, chloe, "v1", true, at), Vote.Cast(challenge, dario, "v2", true, at), Vote.Cast(challenge, dario, "v3", true, at)];

        Assert.Equal(dario.Id, Vote.PeoplesChoice(votes, [chloe, dario]));
    }

    [Fact]
    public void A_tie_goes_to_the_earlier_submission()
    {
        var (challenge, chloe, dario, _) = DuringTheVote();
        var at = Deadline(challenge).AddHours(1);
        List<Vote> votes = [Vote.Cast(challenge, dario, "v1", true, at), Vote.Cast(challenge, chloe, "v2", true, at)];

        Assert.Equal(chloe.Id, Vote.PeoplesChoice(votes, [dario, chloe]));
    }

    [Fact]
    public void Without_votes_there_is_no_peoples_choice()
    {
        var (_, chloe, dario, _) = DuringTheVote();

        Assert.Null(Vote.PeoplesChoice([], [chloe, dario]));
    }

    [Fact]
    public void Votes_for_an_entry_no_longer_approved_do_not_count()
    {
        var (challenge, chloe, dario, _) = DuringTheVote();
        var at = Deadline(challenge).AddHours(1);
        List<Vote> votes = [Vote.Cast(challenge, dario, "v1", true, at), Vote.Cast(challenge, dario, "v2", true, at), Vote.Cast(challenge, chloe, "v3", true, at)];

        Assert.Equal(chloe.Id, Vote.PeoplesChoice(votes, [chloe]));
    }

    [Fact]
    public void The_vote_closes_after_the_deadline_and_no_later_than_the_judging_deadline()
    {
        var draft = ChallengeBuilder.CompleteDraft();
        var deadline = draft.SubmissionDeadline!.Value;
        var judging = draft.JudgingDeadline!.Value;

        Assert.Equal("challenge.vote-window", Assert.Throws<DomainRuleException>(() => draft.SetPublicVote(deadline, null, hasEntries: false, Now)).Code);
        Assert.Equal("challenge.vote-window", Assert.Throws<DomainRuleException>(() => draft.SetPublicVote(judging.AddMinutes(1), null, hasEntries: false, Now)).Code);
        draft.SetPublicVote(judging, 250m, hasEntries: false, Now);

        Assert.Equal((judging, 250m), (draft.PublicVoteClosesAt, draft.PeoplesChoicePrize));
    }

    [Fact]
    public void A_peoples_choice_prize_needs_a_vote_and_a_valid_amount()
    {
        var draft = ChallengeBuilder.CompleteDraft();

        Assert.Equal("challenge.vote-prize-without-vote", Assert.Throws<DomainRuleException>(() => draft.SetPublicVote(null, 100m, hasEntries: false, Now)).Code);
        Assert.Equal("money.invalid-amount", Assert.Throws<DomainRuleException>(() => draft.SetPublicVote(Now.AddDays(25), 0m, hasEntries: false, Now)).Code);
    }

    [Fact]
    public void A_draft_may_drop_its_vote_but_a_published_vote_never_shrinks_disappears_or_loses_prize()
    {
        var draft = ChallengeBuilder.CompleteDraft();
        draft.SetPublicVote(Now.AddDays(28), 500m, hasEntries: false, Now);
        draft.SetPublicVote(null, null, hasEntries: false, Now);
        Assert.Null(draft.PublicVoteClosesAt);

        var published = ChallengeWithVote();
        var closes = published.PublicVoteClosesAt!.Value;

        Assert.Equal("challenge.vote-reduced", Assert.Throws<DomainRuleException>(() => published.SetPublicVote(closes.AddDays(-1), 500m, hasEntries: false, Now)).Code);
        Assert.Equal("challenge.vote-reduced", Assert.Throws<DomainRuleException>(() => published.SetPublicVote(null, null, hasEntries: false, Now)).Code);
        Assert.Equal("challenge.vote-reduced", Assert.Throws<DomainRuleException>(() => published.SetPublicVote(closes, 400m, hasEntries: false, Now)).Code);
        Assert.Equal("challenge.vote-reduced", Assert.Throws<DomainRuleException>(() => published.SetPublicVote(closes, null, hasEntries: false, Now)).Code);

        published.SetPublicVote(closes.AddDays(2), 800m, hasEntries: false, Now);
        Assert.Equal((closes.AddDays(2), 800m), (published.PublicVoteClosesAt, published.PeoplesChoicePrize));
    }

    [Fact]
    public void A_published_challenge_may_add_a_vote_until_submissions_close_but_not_during_judging()
    {
        var published = ChallengeBuilder.Published(opensAt: Now.AddHours(1));
        published.SetPublicVote(Now.AddDays(30), null, hasEntries: false, Now);
        Assert.Equal(Now.AddDays(30), published.PublicVoteClosesAt);

        published.AdvanceWithTime(Deadline(published));

        Assert.Equal("challenge.wrong-status", Assert.Throws<DomainRuleException>(() => published.SetPublicVote(Now.AddDays(31), null, hasEntries: false, Now.AddDays(22))).Code);
    }
}
