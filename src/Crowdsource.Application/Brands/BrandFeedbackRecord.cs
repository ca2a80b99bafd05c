using Crowdsource.Application.Common;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>
/// How often a brand actually gave feedback during its contests, computed from what happened (never typed in): over
/// its earlier challenges whose results are out, the share of approved entries it rated before their challenge's
/// deadline. One statement whatever the number of challenges, over the ratings' index on (entry, rated at). Public:
/// creatives read it on the challenge page before entering; the brand's fairness record reuses
/// <see cref="ForBrandAsync"/>.
/// </summary>
public static class BrandFeedbackRecord
{
    /// <param name="BrandId">The brand.</param>
    /// <param name="Except">The challenge being read, left out of its own record.</param>
    public sealed record Query(BrandId BrandId, ChallengeId? Except = null) : IQuery<Record>;

    /// <summary>The record; <see cref="Share"/> is null when the earlier challenges had no approved entry (or there were none).</summary>
    public sealed record Record(int Challenges, int ApprovedEntries, int RatedEntries)
    {
        public decimal? Share => ApprovedEntries == 0 ? null : (decimal)RatedEntries / ApprovedEntries;

        public bool HasHistory => Challenges > 0;
    }

    internal sealed class Handler(ICrowdsourceDb db) : IQueryHandler<Query, Record>
    {
        public async ValueTask<Record> Handle(Query query, CancellationToken cancellationToken) =>
            await db.ForBrandAsync(query.BrandId, query.Except, cancellationToken);
    }

    /// <summary>The record of <paramref name="brandId"/>, leaving out <paramref name="except"/>.</summary>
    internal static async Task<Record> ForBrandAsync(this ICrowdsourceDb db, BrandId brandId, ChallengeId? except, CancellationToken cancellationToken)
    {
        var challenges = await db.Challenges.AsNoTracking()
            .Where(challenge => challenge.BrandId == brandId && challenge.ResultsAnnouncedAt != null && (except == null || challenge.Id != except))
            .Select(challenge => new
            {
                Approved = db.Entries.Count(entry => entry.ChallengeId == challenge.Id && entry.Status == EntryStatus.Approved),
                Rated = db.Entries.Count(entry => entry.ChallengeId == challenge.Id && entry.Status == EntryStatus.Approved
                    && db.EntryRatings.Any(rating => rating.EntryId == entry.Id && rating.RatedAt < challenge.SubmissionDeadline)),
            })
            .ToListAsync(cancellationToken);
        return new Record(challenges.Count, challenges.Sum(challenge => challenge.Approved), challenges.Sum(challenge => challenge.Rated));
    }
}
