using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>An entry's page, for its author, the brand and the moderators.</summary>
public static class GetEntry
{
    public sealed record Query(EntryId EntryId) : IQuery<Details>;

    /// <summary>An entry with the licence it was accepted under and the challenge's licence now (the same, unless it changed).</summary>
    public sealed record Details(Entry Entry, Guid ChallengeId, string ChallengeTitle, string ChallengeSlug, DateTimeOffset? Deadline,
        bool ChallengeTakesEntries, string LicenceTitle, int LicenceVersion, GetChallenge.Licence ChallengeLicence, bool ViewerIsAuthor)
    {
        public bool LicenceChanged => ChallengeLicence.Id != Entry.CurrentAcceptance.LicenceVersionId;

        /// <summary>The brand's latest rating during the contest, for the author only (null for anyone else, or when none).</summary>
        public BrandFeedback? BrandFeedback { get; init; }
    }

    /// <summary>The brand's latest rating of the entry, and whether the author revised the entry since.</summary>
    public sealed record BrandFeedback(int Stars, string? Comment, DateTimeOffset RatedAt, bool RevisedSince);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Details>
    {
        public async ValueTask<Details> Handle(Query query, CancellationToken cancellationToken)
        {
            var (entry, challenge, isAuthor) = await db.VisibleEntryAsync(currentUser, query.EntryId, cancellationToken);
            var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var licence = await db.LicenceVersions.AsNoTracking().SingleAsync(version => version.Id == entry.CurrentAcceptance.LicenceVersionId, cancellationToken);
            var current = await db.LicenceVersions.AsNoTracking().SingleAsync(version => version.Id == challenge.LicenceVersionId, cancellationToken);
            return new Details(entry, challenge.Id.Value, challenge.Title, challenge.Slug, challenge.SubmissionDeadline,
                challenge.AcceptsEntries(clock.GetUtcNow()), licence.TitleIn(language), licence.Version,
                new GetChallenge.Licence(current.Id, current.TitleIn(language), current.SummaryIn(language), current.FullTextIn(language), current.Scope,
                    current.Media, current.Territory, current.Duration, current.TextSha256, current.Version, current.AppliesTo),
                isAuthor)
            {
                BrandFeedback = isAuthor
                    && await db.EntryRatings.AsNoTracking().Where(rating => rating.EntryId == entry.Id)
                        .OrderByDescending(rating => rating.RatedAt).ThenByDescending(rating => rating.Id)
                        .FirstOrDefaultAsync(cancellationToken) is { } latest
                    ? new BrandFeedback(latest.Stars, latest.Comment, latest.RatedAt, entry.RevisedAt > latest.RatedAt)
                    : null,
            };
        }
    }
}
