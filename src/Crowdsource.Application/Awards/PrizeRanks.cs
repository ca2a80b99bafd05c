using Crowdsource.Application.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Awards;

/// <summary>
/// The prize a winning entry shows on its status badge ("Winner · prize no. 1"): its best tier, the people's choice
/// only when it won nothing else. Awards exist only once the results are out, so an entry without one shows its status.
/// </summary>
internal static class PrizeRanks
{
    public static async Task<IReadOnlyDictionary<EntryId, int>> PrizeRanksAsync(
        this ICrowdsourceDb db, IReadOnlyCollection<EntryId> entryIds, CancellationToken cancellationToken)
    {
        var awards = await db.Awards.AsNoTracking().Where(award => entryIds.Contains(award.EntryId))
            .Select(award => new { award.EntryId, award.Rank })
            .ToListAsync(cancellationToken);
        return awards.GroupBy(award => award.EntryId).ToDictionary(
            group => group.Key,
            group => group.Select(award => award.Rank).OrderBy(rank => rank == Award.PeoplesChoiceRank ? int.MaxValue : rank).First());
    }
}
