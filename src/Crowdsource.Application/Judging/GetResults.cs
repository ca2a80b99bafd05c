using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// A challenge's public results, once announced: the prize of each tier, the winning entry, its creator and a
/// preview; the people's choice last. For whoever may see the challenge; before the announcement, not found.
/// </summary>
public static class GetResults
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<Results>;

    public sealed record Results(
        ChallengeId ChallengeId, string Title, string Slug, string BrandName, DateTimeOffset AnnouncedAt, IReadOnlyList<Winner> Winners,
        bool ViewerMayDownload, IReadOnlyList<RunnerUp> RunnerUps);

    /// <summary>An entry that did not win but received a share of the runner-up pool, best ranked first.</summary>
    public sealed record RunnerUp(EntryId EntryId, string EntryTitle, string CreatorId, string CreatorName, decimal Amount, string Currency);

    /// <summary>A prize and its entry; rank 0 is the people's choice.</summary>
    public sealed record Winner(
        int Rank, decimal Amount, string Currency, AwardMethod Method, EntryId EntryId, string EntryTitle, string CreatorId, string CreatorName,
        EntryPreview? Preview)
    {
        public bool IsPeoplesChoice => Rank == Award.PeoplesChoiceRank;
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Results>
    {
        public async ValueTask<Results> Handle(Query query, CancellationToken cancellationToken)
        {
            var (challenge, viewer) = await db.VisibleChallengeAsync(currentUser, query.ChallengeId, cancellationToken);
            if (challenge.ResultsAnnouncedAt is not { } announcedAt)
            {
                throw new NotFoundException();
            }

            // The brand's name, the awards and the runner-up rewards: one round trip.
            var decided = await db.Brands.AsNoTracking().Where(candidate => candidate.Id == challenge.BrandId)
                .Select(candidate => new
                {
                    candidate.Name,
                    Awards = db.Awards.Where(award => award.ChallengeId == challenge.Id).ToList(),
                    Rewards = db.RunnerUpRewards.Where(reward => reward.ChallengeId == challenge.Id).OrderBy(reward => reward.Place).ToList(),
                })
                .SingleAsync(cancellationToken);
            var (brand, awards, rewards) = (decided.Name, decided.Awards, decided.Rewards);
            var entryIds = awards.Select(award => award.EntryId).Concat(rewards.Select(reward => reward.EntryId)).ToList();
            // Each winning (or runner-up) entry with its creative's name, in one round trip.
            var entries = await (
                    from entry in db.Entries.AsNoTracking()
                    where entryIds.Contains(entry.Id)
                    join creative in db.Users on entry.CreativeUserId equals creative.Id into creatives
                    from creative in creatives.DefaultIfEmpty()
                    select new { Entry = entry, Creator = creative == null ? null : creative.DisplayName })
                .ToDictionaryAsync(row => row.Entry.Id, cancellationToken);

            var winners = awards
                .OrderBy(award => award.Rank == Award.PeoplesChoiceRank ? int.MaxValue : award.Rank)
                .Select(award =>
                {
                    var (entry, creator) = (entries[award.EntryId].Entry, entries[award.EntryId].Creator);
                    return new Winner(award.Rank, award.Amount, award.Currency, award.Method, entry.Id, entry.Title, entry.CreativeUserId,
                        creator ?? string.Empty, EntryPreview.Of(entry));
                })
                .ToList();
            return new Results(challenge.Id, challenge.Title, challenge.Slug, brand, announcedAt, winners,
                viewer.IsStaff || viewer.Brands.Contains(challenge.BrandId),
                [.. rewards.Select(reward => new RunnerUp(reward.EntryId, entries[reward.EntryId].Entry.Title, entries[reward.EntryId].Entry.CreativeUserId,
                    entries[reward.EntryId].Creator ?? string.Empty, reward.Amount, reward.Currency))]);
        }
    }
}
