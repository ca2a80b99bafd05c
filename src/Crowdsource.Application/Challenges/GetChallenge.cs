using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Licensing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>
/// The challenge page: brief, prizes, criteria, licence summary, dates and the number of entries (never the
/// entries). Someone who may not see the challenge gets "not found", whatever its id.
/// </summary>
public static class GetChallenge
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<Details>;

    public sealed record Details(
        Challenge Challenge, string BrandName, string BrandSlug, Guid? BrandLogoFileId, bool BrandVerified, Licence? Licence, int EntryCount,
        bool ViewerIsBrandMember, bool ViewerIsStaff, bool ViewerFollows, DateTimeOffset Now);

    public sealed record Licence(Guid Id, string Title, string Summary, string FullText, LicenceScope Scope, string Media,
        string Territory, string Duration, string TextSha256, int Version);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Details>
    {
        public async ValueTask<Details> Handle(Query query, CancellationToken cancellationToken)
        {
            var (challenge, viewer) = await db.VisibleChallengeAsync(currentUser, query.ChallengeId, cancellationToken);

            // Brand, entry count and licence in one round trip.
            var licenceId = challenge.LicenceVersionId;
            var facts = await db.Brands.AsNoTracking().Where(candidate => candidate.Id == challenge.BrandId)
                .Select(candidate => new
                {
                    candidate.Name,
                    candidate.Slug,
                    candidate.LogoFileId,
                    candidate.IsVerified,
                    EntryCount = db.Entries.IgnoreAutoIncludes()
                        .Count(entry => entry.ChallengeId == challenge.Id && entry.Status != Domain.Entries.EntryStatus.Withdrawn),
                    Licence = db.LicenceVersions.AsNoTracking().FirstOrDefault(version => licenceId != null && version.Id == licenceId),
                })
                .SingleAsync(cancellationToken);
            var brand = facts;
            var entryCount = facts.EntryCount;
            var licence = facts.Licence;
            var follows = viewer.UserId is { } userId
                && await db.ChallengeFollowers.AnyAsync(follower => follower.ChallengeId == challenge.Id && follower.UserId == userId, cancellationToken);
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

            return new Details(challenge, brand.Name, brand.Slug, brand.LogoFileId, brand.IsVerified,
                licence is null ? null : new Licence(licence.Id, licence.TitleIn(language), licence.SummaryIn(language), licence.FullTextIn(language),
                    licence.Scope, licence.Media, licence.Territory, licence.Duration, licence.TextSha256, licence.Version),
                entryCount, viewer.Brands.Contains(challenge.BrandId), viewer.IsStaff, follows, clock.GetUtcNow());
        }
    }
}
