using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Offers;

namespace Crowdsource.Domain.Judging;

/// <summary>
/// The rights of an entry passing to the brand, under the licence version the creative accepted (and the SHA-256 of its
/// text), effective when the money was paid. Its source is exactly one of: an award (a winner, under the licence accepted
/// with the entry: <see cref="LicenceAcceptanceId"/>), a runner-up reward when the challenge's licence says its reward
/// buys the rights (under that same acceptance), or an offer the creative accepted after the results (under the offer's
/// licence, accepted with the offer: the offer holds that acceptance). Written once; the database refuses any change,
/// and a check constraint keeps the source to exactly one.
/// </summary>
public sealed class LicenceGrant
{
    private LicenceGrant()
    {
        CreativeUserId = LicenceTextSha256 = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The paid award this grant comes from, or null when it comes from a runner-up reward or an offer.</summary>
    public Guid? AwardId { get; private set; }

    /// <summary>The paid offer this grant comes from, or null.</summary>
    public Guid? OfferId { get; private set; }

    /// <summary>The runner-up reward paid for the rights (when the challenge's licence grants them for runner-ups), or null.</summary>
    public Guid? RunnerUpRewardId { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    public EntryId EntryId { get; private set; }

    public BrandId BrandId { get; private set; }

    public string CreativeUserId { get; private set; }

    /// <summary>The entry's licence acceptance (awards); null for an offer, whose acceptance the offer itself records.</summary>
    public Guid? LicenceAcceptanceId { get; private set; }

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

    /// <summary>The grant of a paid offer: the offer's licence, as the creative accepted it with the offer.</summary>
    internal static LicenceGrant For(EntryOffer offer, Challenge challenge, Entry entry, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OfferId = offer.Id,
        ChallengeId = challenge.Id,
        EntryId = entry.Id,
        BrandId = challenge.BrandId,
        CreativeUserId = entry.CreativeUserId,
        LicenceVersionId = offer.LicenceVersionId,
        LicenceTextSha256 = offer.AcceptedLicenceTextSha256 ?? throw new ArgumentException("An accepted offer.", nameof(offer)),
        EffectiveAt = now,
    };
}
