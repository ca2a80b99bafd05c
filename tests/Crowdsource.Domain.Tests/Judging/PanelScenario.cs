using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Files;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Licensing;
using Crowdsource.Domain.Tests.Challenges;

namespace Crowdsource.Domain.Tests.Judging;

/// <summary>
/// A challenge with entries, for the judging rules: criteria Originality (60) and Feasibility (40), two prize tiers,
/// open an hour after <see cref="ChallengeBuilder.Now"/>, deadline at +21 days, judging deadline at +35 days.
/// </summary>
internal static class PanelScenario
{
    public static readonly DateTimeOffset Now = ChallengeBuilder.Now;

    public static readonly DateTimeOffset DuringJudging = Now.AddDays(22);

    public static readonly DateTimeOffset AfterJudgingDeadline = Now.AddDays(36);

    private static readonly LicenceVersion Licence = LicenceVersion.Publish(ChallengeBuilder.Licence, "exclusive-assignment-on-award", 1,
        LicenceScope.ExclusiveAssignment, LicenceAppliesTo.WinningEntriesOnly, ("Exclusive", "Exclusive"), ("Summary", "Résumé"),
        ("Full text", "Texte complet"), "All media", "Worldwide", "Full term", Now.AddYears(-1));

    public static Challenge Open()
    {
        var challenge = ChallengeBuilder.Published(opensAt: Now.AddHours(1));
        challenge.AdvanceWithTime(Now.AddHours(2));
        return challenge;
    }

    /// <summary>An entry by <paramref name="creative"/>, submitted <paramref name="hoursAfterOpening"/> hours after the opening.</summary>
    public static Entry Submit(Challenge challenge, string creative, int hoursAfterOpening = 3) =>
        Entry.Submit(challenge, creative, new EntryText($"Entry of {creative}", null),
            [StoredFile.Create(Guid.NewGuid(), "poster.png", "image/png", 2048, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32), creative, Now)],
            5, new LicenceConsent(Licence, Licence.Id, true, true, null, null), 0, Guid.NewGuid(), Now.AddHours(hoursAfterOpening));

    public static Entry Approved(Challenge challenge, string creative, int hoursAfterOpening = 3)
    {
        var entry = Submit(challenge, creative, hoursAfterOpening);
        entry.Approve(challenge, "moderator", Now.AddHours(hoursAfterOpening + 1));
        return entry;
    }

    /// <summary>The challenge moved to judging (past its submission deadline).</summary>
    public static Challenge ToJudging(this Challenge challenge)
    {
        challenge.AdvanceWithTime(DuringJudging);
        return challenge;
    }

    public static Scorecard Score(Challenge challenge, Entry entry, string judge, int originality, int feasibility, DateTimeOffset? at = null) =>
        Scorecard.Record(challenge, entry, judge, [new CriterionScore("Originality", originality, null), new CriterionScore("Feasibility", feasibility, null)],
            null, at ?? DuringJudging);
}
