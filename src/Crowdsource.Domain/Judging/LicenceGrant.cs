using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;

namespace Crowdsource.Domain.Judging;

/// <summary>
/// The rights of a winning entry (or of a runner-up, when the licence says its reward buys them) passing to the brand, under the licence version the creative accepted (and the
/// SHA-256 of its text), effective when the prize was paid. Written once; the database refuses any change.
/// </summary>
public sealed class LicenceGrant
{
    private LicenceGrant()
    {
        CreativeUserId = LicenceTextSha256 = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The award paid for the rights; null when another payment was (<see cref="RunnerUpRewardId"/>).</summary>
    public Guid? AwardId { get; private set; }

    /// <summary>The runner-up reward paid for the rights, when the challenge's licence grants them for runner-ups.</summary>
    public Guid? RunnerUpRewardId { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    public EntryId EntryId { get; private set; }

    public BrandId BrandId { get; private set; }

    public string CreativeUserId { get; private set; }

    public Guid LicenceAcceptanceId { get; private set; }

    public Guid LicenceVersionId { get; private set; }

    public string LicenceTextSha256 { get; private set; }

    public DateTimeOffset EffectiveAt { get; private set; }

    internal static LicenceGrant For(Award award, Challenge challenge, Entry entry, DateTimeOffset now)
    {
        var grant = Of(challenge, entry, now);
        grant.AwardId = award.Id;
        return grant;
    }

    internal static LicenceGrant For(RunnerUpReward reward, Challenge challenge, Entry entry, DateTimeOffset now)
    {
        var grant = Of(challenge, entry, now);
        grant.RunnerUpRewardId = reward.Id;
        return grant;
    }

    private static LicenceGrant Of(Challenge challenge, Entry entry, DateTimeOffset now)
    {
        var acceptance = entry.CurrentAcceptance;
        return new LicenceGrant
        {
            Id = Guid.CreateVersion7(now),
            ChallengeId = challenge.Id,
            EntryId = entry.Id,
            BrandId = challenge.BrandId,
            CreativeUserId = entry.CreativeUserId,
            LicenceAcceptanceId = acceptance.Id,
            LicenceVersionId = acceptance.LicenceVersionId,
            LicenceTextSha256 = acceptance.LicenceTextSha256,
            EffectiveAt = now,
        };
    }
}
