namespace Crowdsource.Domain.Entries;

/// <summary>
/// The proof that a creative accepted a licence for an entry: which account, which licence version and the SHA-256 of
/// its exact text, the originality declaration, when, from where. Never changed once written (the database refuses);
/// the files it covers are recorded in <see cref="EntryFilesRecord"/> rows, one per submission or change.
/// </summary>
public sealed class LicenceAcceptance
{
    private LicenceAcceptance()
    {
        CreativeUserId = LicenceTextSha256 = string.Empty;
    }

    public Guid Id { get; private set; }

    public EntryId EntryId { get; private set; }

    public string CreativeUserId { get; private set; }

    public Guid LicenceVersionId { get; private set; }

    public string LicenceTextSha256 { get; private set; }

    public bool DeclaredOriginal { get; private set; }

    public DateTimeOffset AcceptedAt { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    internal static LicenceAcceptance Record(EntryId entryId, string creativeUserId, Guid licenceVersionId, string licenceTextSha256,
        DateTimeOffset now, string? ipAddress, string? userAgent) => new()
    {
        Id = Guid.CreateVersion7(now),
        EntryId = entryId,
        CreativeUserId = creativeUserId,
        LicenceVersionId = licenceVersionId,
        LicenceTextSha256 = licenceTextSha256,
        DeclaredOriginal = true,
        AcceptedAt = now,
        IpAddress = ipAddress is { Length: > 64 } ? ipAddress[..64] : ipAddress,
        UserAgent = userAgent is { Length: > 512 } ? userAgent[..512] : userAgent,
    };
}

/// <summary>The files an acceptance covered at a moment: written at submission and again at every change of files.</summary>
public sealed class EntryFilesRecord
{
    private EntryFilesRecord()
    {
        Files = [];
    }

    public Guid Id { get; private set; }

    public Guid AcceptanceId { get; private set; }

    public EntryId EntryId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>1 for the submission, then one more for each change: the order of the records, whatever their times.</summary>
    public int Sequence { get; private set; }

    public List<RecordedFile> Files { get; private set; }

    internal static EntryFilesRecord Of(LicenceAcceptance acceptance, IEnumerable<EntryFile> files, int sequence, DateTimeOffset now) => new()
    {
        Sequence = sequence,
        Id = Guid.CreateVersion7(now),
        AcceptanceId = acceptance.Id,
        EntryId = acceptance.EntryId,
        RecordedAt = now,
        Files = [.. files.OrderBy(file => file.Position).Select(file => new RecordedFile(file.FileName, file.Length, file.Sha256))],
    };
}

public sealed record RecordedFile(string FileName, long Length, string Sha256);
