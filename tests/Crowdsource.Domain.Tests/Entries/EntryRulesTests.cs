using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Files;
using Crowdsource.Domain.Licensing;
using Crowdsource.Domain.Tests.Challenges;

namespace Crowdsource.Domain.Tests.Entries;

public sealed class EntryRulesTests
{
    private static readonly DateTimeOffset Now = ChallengeBuilder.Now;

    private static readonly LicenceVersion Licence = LicenceVersion.Publish(ChallengeBuilder.Licence, "exclusive-assignment-on-award", 1,
        LicenceScope.ExclusiveAssignment, LicenceAppliesTo.WinningEntriesOnly, ("Exclusive", "Exclusive"), ("Summary", "Résumé"),
        ("Full text", "Texte complet"), "All media", "Worldwide", "Full term", Now.AddYears(-1));

    /// <summary>An open challenge: open since an hour, deadline in 21 days, three entries per creative.</summary>
    private static Challenge OpenChallenge()
    {
        var challenge = ChallengeBuilder.Published(opensAt: Now.AddHours(1));
        challenge.AdvanceWithTime(Now.AddHours(2));
        return challenge;
    }

    private static StoredFile Png(string name = "poster.png") =>
        StoredFile.Create(Guid.NewGuid(), name, "image/png", 2048, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32), "chloe", Now);

    private static LicenceConsent Consent(bool accepted = true, bool original = true, Guid? shownVersion = null) =>
        new(Licence, shownVersion ?? Licence.Id, accepted, original, "203.0.113.7", "Firefox");

    private static Entry Submit(Challenge challenge, DateTimeOffset at, int active = 0, LicenceConsent? consent = null) =>
        Entry.Submit(challenge, "chloe", new EntryText("My wrapper", "Paper and ink."), [Png(), Png("back.png")], 5, consent ?? Consent(),
            active, Guid.NewGuid(), at);

    [Fact]
    public void A_submission_records_the_accepted_licence_text_hash_and_the_file_hashes()
    {
        var entry = Submit(OpenChallenge(), Now.AddHours(3));

        Assert.Equal(EntryStatus.Submitted, entry.Status);
        var acceptance = Assert.Single(entry.Acceptances);
        Assert.Equal((Licence.Id, Licence.TextSha256, true, "203.0.113.7"),
            (acceptance.LicenceVersionId, acceptance.LicenceTextSha256, acceptance.DeclaredOriginal, acceptance.IpAddress));
        Assert.Equal(entry.Files.Select(file => file.Sha256), Assert.Single(entry.FileRecords).Files.Select(file => file.Sha256));
    }

    [Fact]
    public void Nothing_is_accepted_without_both_ticks_or_for_another_licence_version()
    {
        var challenge = OpenChallenge();

        Assert.Equal("entry.consent-required", Assert.Throws<DomainRuleException>(() => Submit(challenge, Now.AddHours(3), consent: Consent(accepted: false))).Code);
        Assert.Equal("entry.consent-required", Assert.Throws<DomainRuleException>(() => Submit(challenge, Now.AddHours(3), consent: Consent(original: false))).Code);
        Assert.Equal("entry.licence-mismatch",
            Assert.Throws<DomainRuleException>(() => Submit(challenge, Now.AddHours(3), consent: Consent(shownVersion: Guid.NewGuid()))).Code);
    }

    [Fact]
    public void Entries_are_taken_only_while_the_challenge_is_open_and_up_to_the_limit_per_creative()
    {
        var challenge = OpenChallenge();

        Assert.Equal("entry.closed", Assert.Throws<DomainRuleException>(() => Submit(ChallengeBuilder.Published(), Now)).Code);
        Assert.Equal("entry.limit-reached", Assert.Throws<DomainRuleException>(() => Submit(challenge, Now.AddHours(3), active: 3)).Code);
        Assert.Equal("entry.closed", Assert.Throws<DomainRuleException>(() => Submit(challenge, challenge.SubmissionDeadline!.Value)).Code);
        Assert.Equal("entry.file-count", Assert.Throws<DomainRuleException>(() =>
            Entry.Submit(challenge, "chloe", new EntryText("Empty", null), [], 5, Consent(), 0, Guid.NewGuid(), Now.AddHours(3))).Code);
    }

    [Fact]
    public void Editing_files_records_the_new_hashes_against_the_same_acceptance_and_returns_the_old_files()
    {
        var challenge = OpenChallenge();
        var entry = Submit(challenge, Now.AddHours(3));
        var oldFiles = entry.Files.Select(file => file.FileId).ToList();

        var removed = entry.Edit(challenge, new EntryText("My wrapper, v2", null), [Png("v2.png")], 5, consent: null, Now.AddDays(1));

        Assert.Equal(oldFiles, removed);
        Assert.Single(entry.Acceptances);
        Assert.Equal(2, entry.FileRecords.Count);
        Assert.All(entry.FileRecords, record => Assert.Equal(entry.CurrentAcceptance.Id, record.AcceptanceId));
        Assert.Equal(["v2.png"], entry.FileRecords[^1].Files.Select(file => file.FileName));
    }

    [Fact]
    public void Withdrawing_is_possible_until_the_deadline_and_frees_nothing_after()
    {
        var challenge = OpenChallenge();
        var entry = Submit(challenge, Now.AddHours(3));
        var late = Submit(challenge, Now.AddHours(3));

        entry.Withdraw(challenge, Now.AddDays(2));

        Assert.False(entry.IsActive);
        Assert.Equal("entry.not-changeable", Assert.Throws<DomainRuleException>(() => entry.Withdraw(challenge, Now.AddDays(3))).Code);
        Assert.Equal("entry.closed", Assert.Throws<DomainRuleException>(() => late.Withdraw(challenge, challenge.SubmissionDeadline!.Value.AddSeconds(1))).Code);
        Assert.Equal("entry.closed", Assert.Throws<DomainRuleException>(() =>
            late.Edit(challenge, new EntryText("Too late", null), null, 5, null, challenge.SubmissionDeadline!.Value)).Code);
    }
}
