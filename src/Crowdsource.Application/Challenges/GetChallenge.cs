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
        string Territory, string Duration, string TextSha256, int Version, LicenceAppliesTo AppliesTo = LicenceAppliesTo.WinningEntriesOnly,
        bool GrantsRightsForRunnerUps = false);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Details>
    {
        public async ValueTask<Details> Handle(Query query, CancellationToken cancellationToken)
        {
            // The challenge, the viewer, the brand, the entry count, the licence and whether the viewer follows: one statement.
            var userId = currentUser.Id;
            var (challenge, viewer, facts) = await db.VisibleChallengeAsync(currentUser, query.ChallengeId, candidate => new
            {
                Brand = db.Brands.Where(brand => brand.Id == candidate.BrandId)
                    .Select(brand => new { brand.Name, brand.Slug, brand.LogoFileId, brand.IsVerified })
                    .First(),
                EntryCount = db.Entries.IgnoreAutoIncludes()
                    .Count(entry => entry.ChallengeId == candidate.Id && entry.Status != Domain.Entries.EntryStatus.Withdrawn),
                Licence = db.LicenceVersions.FirstOrDefault(version => version.Id == candidate.LicenceVersionId),
                Follows = userId != null && db.ChallengeFollowers.Any(follower => follower.ChallengeId == candidate.Id && follower.UserId == userId),
            }, cancellationToken);
            var brand = facts.Brand;
            var entryCount = facts.EntryCount;
            var licence = facts.Licence;
            var follows = facts.Follows;
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

            return new Details(challenge, brand.Name, brand.Slug, brand.LogoFileId, brand.IsVerified,
                licence is null ? null : new Licence(licence.Id, licence.TitleIn(language), licence.SummaryIn(language), licence.FullTextIn(language),
                    licence.Scope, licence.Media, licence.Territory, licence.Duration, licence.TextSha256, licence.Version, licence.AppliesTo,
                    licence.GrantsRightsForRunnerUps),
                entryCount, viewer.Brands.Contains(challenge.BrandId), viewer.IsStaff, follows, clock.GetUtcNow());
        }
    }
}
