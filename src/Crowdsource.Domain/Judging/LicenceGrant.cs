using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;

namespace Crowdsource.Domain.Judging;

/// <summary>
/// The rights of a winning entry passing to the brand, under the licence version the creative accepted (and the
/// SHA-256 of its text), effective when the prize was paid. Written once; the database refuses any change.
/// </summary>
public sealed class LicenceGrant
{
    private LicenceGrant()
    {
        CreativeUserId = LicenceTextSha256 = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AwardId { get; private set; }

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
        var acceptance = entry.CurrentAcceptance;
        return new LicenceGrant
        {
            Id = Guid.CreateVersion7(now),
            AwardId = award.Id,
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
