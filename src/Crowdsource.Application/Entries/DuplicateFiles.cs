using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;

namespace Crowdsource.Application.Entries;

/// <summary>
/// Same bytes from two different accounts in one challenge: a sign of copying that a person must look at. One place
/// for the rule, used by the moderation page of a challenge and by the screening queue.
/// </summary>
internal static class DuplicateFiles
{
    /// <summary>An entry as the rule needs it: who sent it, where, and the SHA-256 of each of its files.</summary>
    public sealed record Holder(EntryId Id, ChallengeId ChallengeId, string CreativeUserId, IReadOnlyCollection<string> Sha256s);

    /// <summary>For each entry, the other accounts' entries of the same challenge that hold one of its files.</summary>
    public static IReadOnlyDictionary<EntryId, IReadOnlyList<EntryId>> SharedWithOtherAccounts(IReadOnlyCollection<Holder> entries)
    {
        var holders = entries
            .SelectMany(entry => entry.Sha256s.Select(sha256 => (Key: (entry.ChallengeId, sha256), Entry: entry)))
            .ToLookup(file => file.Key, file => file.Entry);
        return entries.ToDictionary(entry => entry.Id, entry => (IReadOnlyList<EntryId>)[.. entry.Sha256s
            .SelectMany(sha256 => holders[(entry.ChallengeId, sha256)])
            .Where(other => other.CreativeUserId != entry.CreativeUserId)
            .Select(other => other.Id)
            .Distinct()]);
    }
}
