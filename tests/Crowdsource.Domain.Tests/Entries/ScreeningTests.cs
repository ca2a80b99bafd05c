using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Files;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Licensing;
using Crowdsource.Domain.Tests.Challenges;

namespace Crowdsource.Domain.Tests.Entries;

/// <summary>A moderator's screening decisions on an entry: when each is allowed and what the author may do after.</summary>
public sealed class ScreeningTests
{
    private const string Moderator = "moderator";
    private const string Message = "Please remove the other brand's logo.";
    private static readonly DateTimeOffset Now = ChallengeBuilder.Now;

    private static readonly LicenceVersion Licence = LicenceVersion.Publish(ChallengeBuilder.Licence, "exclusive-assignment-on-award", 1,
        LicenceScope.ExclusiveAssignment, LicenceAppliesTo.WinningEntriesOnly, ("Exclusive", "Exclusive"), ("Summary", "Résumé"),
        ("Full text", "Texte complet"), "All media", "Worldwide", "Full term", Now.AddYears(-1));

    /// <summary>Open since an hour from now; deadline in 21 days, judging until day 35.</summary>
    private static Challenge OpenChallenge()
    {
        var challenge = ChallengeBuilder.Published(opensAt: Now.AddHours(1));
        challenge.AdvanceWithTime(Now.AddHours(2));
        return challenge;
    }

    private static Entry Submit(Challenge challenge) =>
        Entry.Submit(challenge, "chloe", new EntryText("My wrapper", null),
            [StoredFile.Create(Guid.NewGuid(), "poster.png", "image/png", 2048, new string('a', 64), "chloe", Now)], 5,
            new LicenceConsent(Licence, Licence.Id, true, true, null, null), 0, Guid.NewGuid(), Now.AddHours(3));

    [Fact]
    public void An_approved_entry_records_who_decided_and_when_and_can_still_be_rejected_with_a_reason()
    {
        var challenge = OpenChallenge();
        var entry = Submit(challenge);

        entry.Approve(challenge, Moderator, Now.AddDays(1));
        Assert.Equal((EntryStatus.Approved, Moderator, Now.AddDays(1), (string?)null),
            (entry.Status, entry.ScreenedByUserId, entry.ScreenedAt, entry.ScreeningMessage));

        entry.Reject(challenge, "  The poster is another brand's advert.  ", Moderator, Now.AddDays(2));
        Assert.Equal((EntryStatus.Rejected, "The poster is another brand's advert."), (entry.Status, entry.ScreeningMessage));
    }

    [Fact]
    public void A_rejection_needs_a_reason_of_ten_characters_or_more()
    {
        var challenge = OpenChallenge();
        var entry = Submit(challenge);

        Assert.Equal("entry.message-required", Assert.Throws<DomainRuleException>(() => entry.Reject(challenge, "Too bad.", Moderator, Now.AddDays(1))).Code);
        Assert.Equal("entry.message-required", Assert.Throws<DomainRuleException>(() => entry.Reject(challenge, "   ", Moderator, Now.AddDays(1))).Code);
        Assert.Equal(EntryStatus.Submitted, entry.Status);
        entry.Reject(challenge, "Off topic.", Moderator, Now.AddDays(1));
        Assert.Equal(EntryStatus.Rejected, entry.Status);
    }

    [Fact]
    public void Changes_are_requested_only_while_submissions_are_open()
    {
        var challenge = OpenChallenge();
        var entry = Submit(challenge);

        Assert.Equal("entry.changes-too-late",
            Assert.Throws<DomainRuleException>(() => entry.RequestChanges(challenge, Message, Moderator, challenge.SubmissionDeadline!.Value)).Code);
        entry.RequestChanges(challenge, Message, Moderator, challenge.SubmissionDeadline!.Value.AddSeconds(-1));

        Assert.Equal((EntryStatus.ChangesRequested, Message), (entry.Status, entry.ScreeningMessage));
        Assert.Equal("entry.wrong-status",
            Assert.Throws<DomainRuleException>(() => entry.RequestChanges(challenge, Message, Moderator, Now.AddDays(1))).Code);
    }

    [Fact]
    public void Editing_after_changes_were_requested_puts_the_entry_back_in_the_queue_but_not_after_the_deadline()
    {
        var challenge = OpenChallenge();
        var entry = Submit(challenge);
        var late = Submit(challenge);
        entry.RequestChanges(challenge, Message, Moderator, Now.AddDays(1));
        late.RequestChanges(challenge, Message, Moderator, Now.AddDays(1));

        entry.Edit(challenge, new EntryText("My wrapper, without the logo", null), null, 5, null, Now.AddDays(2));

        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Equal("entry.closed", Assert.Throws<DomainRuleException>(() =>
            late.Edit(challenge, new EntryText("Too late", null), null, 5, null, challenge.SubmissionDeadline!.Value)).Code);
        Assert.Equal(EntryStatus.ChangesRequested, late.Status);
    }

    [Fact]
    public void Screening_continues_during_judging_and_stops_once_the_ranking_is_locked_and_the_results_are_out()
    {
        var challenge = OpenChallenge();
        var winner = Submit(challenge);
        var waiting = Submit(challenge);
        var other = Submit(challenge);
        winner.Approve(challenge, Moderator, Now.AddDays(1));
        challenge.AdvanceWithTime(challenge.SubmissionDeadline!.Value);
        Assert.Equal(ChallengeStatus.Judging, challenge.Status);

        other.Approve(challenge, Moderator, Now.AddDays(22));
        other.Reject(challenge, "Found to be a copy after all.", Moderator, Now.AddDays(22));
        challenge.SelectWinners([new WinnerPick(1, winner.Id)], [winner], "brand-owner", Now.AddDays(23));
        challenge.ConfirmWinners([winner], null, Moderator, Now.AddDays(24));

        Assert.Equal((true, ChallengeStatus.WinnersAnnounced), (challenge.IsRankingLocked, challenge.Status));
        Assert.Equal("entry.screening-closed", Assert.Throws<DomainRuleException>(() => waiting.Approve(challenge, Moderator, Now.AddDays(25))).Code);
        Assert.Equal("entry.screening-closed",
            Assert.Throws<DomainRuleException>(() => winner.Reject(challenge, "Too late to change the results.", Moderator, Now.AddDays(25))).Code);
    }

    [Fact]
    public void A_withdrawn_entry_cannot_be_screened()
    {
        var challenge = OpenChallenge();
        var entry = Submit(challenge);
        entry.Withdraw(challenge, Now.AddDays(1));

        Assert.Equal("entry.wrong-status", Assert.Throws<DomainRuleException>(() => entry.Approve(challenge, Moderator, Now.AddDays(2))).Code);
        Assert.Equal("entry.wrong-status", Assert.Throws<DomainRuleException>(() => entry.Reject(challenge, Message, Moderator, Now.AddDays(2))).Code);
    }
}
