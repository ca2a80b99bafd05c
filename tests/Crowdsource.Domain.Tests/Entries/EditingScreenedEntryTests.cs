using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Files;
using Crowdsource.Domain.Licensing;
using Crowdsource.Domain.Tests.Challenges;

namespace Crowdsource.Domain.Tests.Entries;

/// <summary>What was approved is what takes part: changing an approved entry sends it back to screening.</summary>
public sealed class EditingScreenedEntryTests
{
    private const string Moderator = "moderator";
    private static readonly DateTimeOffset Now = ChallengeBuilder.Now;

    private static readonly LicenceVersion Licence = LicenceVersion.Publish(ChallengeBuilder.Licence, "exclusive-assignment-on-award", 1,
        LicenceScope.ExclusiveAssignment, LicenceAppliesTo.WinningEntriesOnly, ("Exclusive", "Exclusive"), ("Summary", "Résumé"),
        ("Full text", "Texte complet"), "All media", "Worldwide", "Full term", Now.AddYears(-1));

    private static (Challenge Challenge, Entry Entry) Approved()
    {
        var challenge = ChallengeBuilder.Published(opensAt: Now.AddHours(1));
        challenge.AdvanceWithTime(Now.AddHours(2));
        var entry = Entry.Submit(challenge, "chloe", new EntryText("My wrapper", "Paper and string."), [Png("poster.png", 'a')], 5,
            new LicenceConsent(Licence, Licence.Id, true, true, null, null), 0, Guid.NewGuid(), Now.AddHours(3));
        entry.Approve(challenge, Moderator, Now.AddDays(1));
        return (challenge, entry);
    }

    private static StoredFile Png(string name, char hash) =>
        StoredFile.Create(Guid.NewGuid(), name, "image/png", 2048, new string(hash, 64), "chloe", Now);

    [Fact]
    public void New_files_on_an_approved_entry_send_it_back_to_screening()
    {
        var (challenge, entry) = Approved();
        Assert.True(entry.EditingSendsBackToScreening);

        entry.Edit(challenge, new EntryText("My wrapper", "Paper and string."), [Png("other.png", 'b')], 5, null, Now.AddDays(2));

        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Equal(new string('b', 64), Assert.Single(entry.Files).Sha256);
    }

    [Theory]
    [InlineData("A new title", "Paper and string.")]
    [InlineData("My wrapper", "Now with a hidden message.")]
    public void A_new_title_or_description_on_an_approved_entry_sends_it_back_to_screening(string title, string description)
    {
        var (challenge, entry) = Approved();

        entry.Edit(challenge, new EntryText(title, description), null, 5, null, Now.AddDays(2));

        Assert.Equal(EntryStatus.Submitted, entry.Status);
    }

    [Fact]
    public void A_shortlisted_entry_that_changes_leaves_the_shortlist_and_goes_back_to_screening()
    {
        var (challenge, entry) = Approved();
        entry.SetShortlisted(challenge, true);

        entry.Edit(challenge, new EntryText("A new title", null), null, 5, null, Now.AddDays(2));

        Assert.Equal((EntryStatus.Submitted, false), (entry.Status, entry.IsShortlisted));
    }

    [Fact]
    public void Saving_an_approved_entry_unchanged_keeps_it_approved()
    {
        var (challenge, entry) = Approved();

        entry.Edit(challenge, new EntryText("  My wrapper ", "Paper and string."), null, 5, null, Now.AddDays(2));

        Assert.Equal(EntryStatus.Approved, entry.Status);
    }

    [Fact]
    public void A_rejected_or_withdrawn_entry_cannot_be_edited()
    {
        var (challenge, rejected) = Approved();
        rejected.Reject(challenge, "Another brand's advert.", Moderator, Now.AddDays(2));
        var (other, withdrawn) = Approved();
        withdrawn.Withdraw(other, Now.AddDays(2));

        Assert.False(rejected.EditingSendsBackToScreening);
        Assert.Equal("entry.not-changeable", Assert.Throws<DomainRuleException>(() =>
            rejected.Edit(challenge, new EntryText("Try again", null), [Png("other.png", 'b')], 5, null, Now.AddDays(3))).Code);
        Assert.Equal("entry.not-changeable", Assert.Throws<DomainRuleException>(() =>
            withdrawn.Edit(other, new EntryText("Try again", null), null, 5, null, Now.AddDays(3))).Code);
        Assert.Equal((EntryStatus.Rejected, EntryStatus.Withdrawn), (rejected.Status, withdrawn.Status));
    }
}
