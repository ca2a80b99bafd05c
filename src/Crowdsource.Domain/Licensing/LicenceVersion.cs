using System.Security.Cryptography;
using System.Text;

namespace Crowdsource.Domain.Licensing;

/// <summary>
/// One published version of a licence template, immutable once created: a new text is a new version. The SHA-256
/// of its exact texts lets anyone prove years later which words a creative accepted.
/// </summary>
public sealed class LicenceVersion
{
    private LicenceVersion()
    {
        TemplateKey = string.Empty;
        TitleEn = TitleFr = SummaryEn = SummaryFr = FullTextEn = FullTextFr = string.Empty;
        Territory = Duration = Media = TextSha256 = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>e.g. "exclusive-assignment-on-award".</summary>
    public string TemplateKey { get; private set; }

    public int Version { get; private set; }

    public LicenceScope Scope { get; private set; }

    public LicenceAppliesTo AppliesTo { get; private set; }

    public string TitleEn { get; private set; }

    public string TitleFr { get; private set; }

    public string SummaryEn { get; private set; }

    public string SummaryFr { get; private set; }

    public string FullTextEn { get; private set; }

    public string FullTextFr { get; private set; }

    public string Media { get; private set; }

    public string Territory { get; private set; }

    public string Duration { get; private set; }

    public string TextSha256 { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>
    /// Whether a paid runner-up reward passes the rights of the entry to the brand, as a prize does. False for every
    /// version published before runner-up rewards existed: by default a runner-up reward buys no rights.
    /// </summary>
    public bool GrantsRightsForRunnerUps { get; private set; }

    public static LicenceVersion Publish(
        Guid id, string templateKey, int version, LicenceScope scope, LicenceAppliesTo appliesTo,
        (string En, string Fr) title, (string En, string Fr) summary, (string En, string Fr) fullText,
        string media, string territory, string duration, DateTimeOffset publishedAt, bool grantsRightsForRunnerUps = false) => new()
    {
        GrantsRightsForRunnerUps = grantsRightsForRunnerUps,
        Id = id,
        TemplateKey = templateKey,
        Version = version,
        Scope = scope,
        AppliesTo = appliesTo,
        TitleEn = title.En,
        TitleFr = title.Fr,
        SummaryEn = summary.En,
        SummaryFr = summary.Fr,
        FullTextEn = fullText.En,
        FullTextFr = fullText.Fr,
        Media = media,
        Territory = territory,
        Duration = duration,
        TextSha256 = HashOf(fullText.En, fullText.Fr),
        PublishedAt = publishedAt,
    };

    /// <summary>SHA-256 (hex) of the English then French full texts, separated by a NUL, in UTF-8.</summary>
    public static string HashOf(string fullTextEn, string fullTextFr) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{fullTextEn}\0{fullTextFr}"))).ToLowerInvariant();

    public string TitleIn(string language) => language == "fr" ? TitleFr : TitleEn;

    public string SummaryIn(string language) => language == "fr" ? SummaryFr : SummaryEn;

    public string FullTextIn(string language) => language == "fr" ? FullTextFr : FullTextEn;
}

public enum LicenceScope
{
    ExclusiveAssignment,
    NonExclusiveLicence,
    CreativeKeepsRights,
}

public enum LicenceAppliesTo
{
    WinningEntriesOnly,
    AllEntries,
}
