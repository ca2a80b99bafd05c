using Crowdsource.Domain.Files;

namespace Crowdsource.Domain.Challenges;

/// <summary>A file the brand gives creatives with the brief (logo pack, product photo, guidelines as PDF).</summary>
public sealed class ChallengeAsset
{
    private ChallengeAsset()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
    }

    public Guid Id { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    public Guid FileId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>The same stored file, listed on another challenge.</summary>
    internal ChallengeAsset CopyFor(ChallengeId challengeId, DateTimeOffset now)
    {
        var copy = (ChallengeAsset)MemberwiseClone();
        copy.Id = Guid.CreateVersion7(now);
        copy.ChallengeId = challengeId;
        copy.AddedAt = now;
        return copy;
    }

    internal static ChallengeAsset For(ChallengeId challengeId, StoredFile file, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ChallengeId = challengeId,
        FileId = file.Id,
        FileName = file.FileName,
        ContentType = file.ContentType,
        Length = file.Length,
        AddedAt = now,
    };
}
