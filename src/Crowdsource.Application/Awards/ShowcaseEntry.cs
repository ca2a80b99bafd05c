namespace Crowdsource.Application.Awards;

/// <summary>
/// An entry as the winners gallery and the portfolios show it: a preview (its first image, if any), who made it, for
/// which challenge, what it won (Rank: the prize tier, 0 for the people's choice, null for an entry that won nothing).
/// </summary>
public sealed record ShowcaseEntry(
    Guid EntryId, string Title, string CreativeId, string CreativeName, bool CreativeHasProfile, Guid ChallengeId, string ChallengeTitle,
    string ChallengeSlug, int? Rank, decimal? Amount, string? Currency, DateTimeOffset? ResultsAnnouncedAt, ShowcasePreview? Preview);

/// <summary>An image file of an entry; <paramref name="HasThumbnail"/> when a small preview exists.</summary>
public sealed record ShowcasePreview(Guid FileId, string FileName, bool HasThumbnail);
